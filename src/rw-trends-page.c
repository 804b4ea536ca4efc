/* rw-trends-page.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Trends view: a range (7 days to all), the chart, summary cards and
 * what goes with mood. The series come from the journal and are loaded
 * again when it changes (once for a burst of changes, and only while the
 * page is shown); the words come from the core (rw-insights.h). Every
 * command is an action in the "trends" group.
 */
#define G_LOG_DOMAIN "rw-trends-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-around-view.h"
#include "rw-chart-view.h"
#include "rw-insights.h"
#include "rw-trends-page.h"
#include "rw-wrap-box.h"
#include "rw-year-calendar.h"

struct _RwTrendsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *scrolled;
  AdwToastOverlay *toast_overlay;
  AdwToast *toast;           /* the last "Chart saved" */
  RwChartView *chart_view;
  GtkLabel *range_label;
  RwWrapBox *cards;
  GtkWidget *insights_title;
  GtkBox *insights_box;
  GtkWidget *details_button;
  GtkWidget *gap_box;
  GtkLabel *gap_label;
  AdwBin *year_bin;
  GtkLabel *year_label;
  RwYearCalendar *year_calendar;   /* made with the context, owned by year_bin */
  GtkLabel *around_empty;
  GtkWidget *around_controls;
  GtkWidget *around_frame;
  RwAroundView *around_view;
  GtkMenuButton *around_metric_button;
  GtkLabel *around_summary;
  GtkListBox *around_list;

  /* Owned */
  RwContext *context;
  RwSeries *previous;        /* the range before, for changes; NULL for "all" */
  GtkFileChooserNative *chooser;

  RwRange range;
  guint32 last;              /* last day shown (julian) */
  guint32 latest;            /* latest check-in, when the range shown is empty; else 0 */
  gboolean visible[RW_N_SERIES];
  gboolean stale;            /* the journal changed while the page was hidden */
  gboolean show_details;     /* the numbers under each insight */
  RwSeriesKind around_metric;
  RwAroundPhase around_phase;
  guint reload_id;
};

G_DEFINE_FINAL_TYPE (RwTrendsPage, rw_trends_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_RANGE,
  PROP_SHOW_DETAILS,
  PROP_AROUND_METRIC,
  PROP_AROUND_PHASE,
  PROP_SHOW_FIRST,
  N_PROPS = PROP_SHOW_FIRST + RW_N_SERIES
};

static GParamSpec *properties[N_PROPS];

/* Property (and action) names of the series, "show-" and their names. */
static const char * const show_names[RW_N_SERIES] = {
  [RW_SERIES_MOOD] = "show-mood",
  [RW_SERIES_ANXIETY] = "show-anxiety",
  [RW_SERIES_FOCUS] = "show-focus",
  [RW_SERIES_HOPE] = "show-hope",
  [RW_SERIES_ENERGY] = "show-energy",
  [RW_SERIES_SLEEP_QUALITY] = "show-sleep-quality",
  [RW_SERIES_SLEEP_HOURS] = "show-sleep",
};

static gboolean
shown_by_default (RwSeriesKind kind)
{
  return kind == RW_SERIES_MOOD || kind == RW_SERIES_SLEEP_HOURS || kind == RW_SERIES_SLEEP_QUALITY;
}

static guint32
today (RwTrendsPage *self)
{
  return rw_clock_get_day (rw_context_get_clock (self->context));
}

static void
update_actions (RwTrendsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  RwSeries *series = rw_chart_get_series (rw_chart_view_get_chart (self->chart_view));

  gtk_widget_action_set_enabled (widget, "trends.previous", self->range != RW_RANGE_ALL);
  gtk_widget_action_set_enabled (widget, "trends.next",
                                 self->range != RW_RANGE_ALL && self->last < today (self));
  gtk_widget_action_set_enabled (widget, "trends.show-latest", self->latest != 0);
  gtk_widget_action_set_enabled (widget, "trends.export", series != NULL);
  gtk_widget_action_set_enabled (widget, "trends.export-to", series != NULL);
  gtk_widget_action_set_enabled (widget, "trends.export-as", series != NULL);
}

static void
update_cards (RwTrendsPage *self)
{
  RwSeries *series = rw_chart_get_series (rw_chart_view_get_chart (self->chart_view));
  g_autoptr(GPtrArray) cards = rw_insights_get_cards (series, self->previous, self->visible,
                                                          today (self));

  rw_wrap_box_remove_all (self->cards);
  for (guint i = 0; i < cards->len; i++)
    {
      RwSummaryCard *card = g_ptr_array_index (cards, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (card->title);
      GtkWidget *value = gtk_label_new (card->value);

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "summary-card");
      gtk_widget_add_css_class (title, "caption-heading");
      gtk_widget_add_css_class (value, "title-2");
      gtk_widget_add_css_class (value, "numeric");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), value);
      if (card->detail != NULL)
        {
          GtkWidget *detail = gtk_label_new (card->detail);

          gtk_widget_add_css_class (detail, "caption");
          gtk_widget_add_css_class (detail, "dim-label");
          gtk_label_set_xalign (GTK_LABEL (detail), 0);
          gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (detail), 18);
          gtk_box_append (GTK_BOX (box), detail);
        }
      rw_wrap_box_append (self->cards, box);
    }
}

/* Each line, and under it its numbers (the test, its p value), shown
 * only while "Show the Numbers" is on: lay readers get words. */
static void
update_insights (RwTrendsPage *self)
{
  RwSeries *series = rw_chart_get_series (rw_chart_view_get_chart (self->chart_view));
  g_autoptr(GPtrArray) lines = rw_insights_get_lines (series);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->insights_box))) != NULL)
    gtk_box_remove (self->insights_box, child);
  for (guint i = 0; i < lines->len; i++)
    {
      RwInsightLine *line = g_ptr_array_index (lines, i);
      GtkWidget *label = gtk_label_new (line->text);
      GtkWidget *details = gtk_label_new (line->details);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "insight");
      gtk_box_append (self->insights_box, label);

      gtk_label_set_wrap (GTK_LABEL (details), TRUE);
      gtk_label_set_xalign (GTK_LABEL (details), 0);
      gtk_label_set_selectable (GTK_LABEL (details), TRUE);
      gtk_widget_add_css_class (details, "caption");
      gtk_widget_add_css_class (details, "dim-label");
      gtk_widget_add_css_class (details, "insight-details");
      gtk_widget_set_visible (details, self->show_details);
      gtk_box_append (self->insights_box, details);
    }
  gtk_widget_set_visible (self->insights_title, lines->len > 0);
  gtk_widget_set_visible (self->details_button, lines->len > 0);
}

static void
update_description (RwTrendsPage *self)
{
  g_autofree char *description = rw_chart_describe (rw_chart_view_get_chart (self->chart_view));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

/* An empty range with check-ins elsewhere (after a gap, or paged too
 * far back) offers the latest ones. */
static void
update_gap (RwTrendsPage *self,
            RwSeries     *series)
{
  g_autoptr(GError) error = NULL;
  guint32 latest = 0;

  if (rw_series_is_empty (series) &&
      !rw_journal_get_span (rw_context_get_journal (self->context), NULL, &latest, &error))
    g_warning ("Could not find the latest check-in: %s", error->message);
  self->latest = latest;
  if (latest != 0)
    {
      g_autofree char *day = rw_date_format (latest, "%-d %B %Y");
      g_autofree char *text = g_strdup_printf (_("Nothing was logged in these days. Your latest "
                                                 "check-in is from %s."), day);

      gtk_label_set_label (self->gap_label, text);
    }
  gtk_widget_set_visible (self->gap_box, latest != 0);
}

/* The sessions of the range as markers on the chart. */
static void
update_markers (RwTrendsPage *self,
                RwSeries     *series)
{
  RwChart *chart = rw_chart_view_get_chart (self->chart_view);
  g_autoptr(GPtrArray) marks = NULL;
  g_autoptr(GError) error = NULL;

  rw_chart_clear_markers (chart);
  marks = rw_journal_load_session_marks (rw_context_get_journal (self->context),
                                         rw_series_get_first (series), rw_series_get_last (series),
                                         &error);
  if (marks == NULL)
    {
      g_warning ("Could not load the sessions for the chart: %s", error->message);
      return;
    }
  rw_session_marks_add_to_chart (marks, chart);
}

/* "Around sessions": the chart, the sentence under it and a row for each
 * session with its numbers before and after, newest first; without a
 * done session, a few words instead. */
static void
update_around (RwTrendsPage *self)
{
  RwJournal *journal = rw_context_get_journal (self->context);
  g_autoptr(RwAround) around = NULL;
  g_autoptr(RwAround) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n;

  around = rw_journal_load_around (journal, self->around_metric, self->around_phase, &error);
  if (around == NULL)
    {
      g_warning ("Could not load the sessions: %s", error->message);
      return;
    }
  if (self->around_phase != RW_AROUND_PHASE_ALL)
    all = rw_journal_load_around (journal, self->around_metric, RW_AROUND_PHASE_ALL, NULL);
  else
    all = rw_around_ref (around);
  n = rw_around_get_n_sessions (around);

  gtk_menu_button_set_label (self->around_metric_button,
                             rw_series_kind_get_label (self->around_metric));
  rw_around_view_set_around (self->around_view, around);
  if (all == NULL || rw_around_get_n_sessions (all) == 0)
    gtk_label_set_label (self->around_empty,
                         _("Once a session is marked as done, this shows your check-ins from the "
                           "week before it to two weeks after, and the same for every session "
                           "after it."));
  else if (n == 0)
    gtk_label_set_label (self->around_empty,
                         self->around_phase == RW_AROUND_PHASE_INDUCTION
                           ? _("No induction session is marked as done yet.")
                           : _("No booster session is marked as done yet."));
  gtk_widget_set_visible (GTK_WIDGET (self->around_empty), n == 0);
  gtk_widget_set_visible (self->around_controls, all != NULL && rw_around_get_n_sessions (all) > 0);
  gtk_widget_set_visible (self->around_frame, n > 0);
  summary = rw_around_describe (around);
  gtk_label_set_label (self->around_summary, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->around_summary), summary != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->around_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary != NULL ? summary : "",
                                  -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->around_list))) != NULL)
    gtk_list_box_remove (self->around_list, child);
  for (guint i = n; i-- > 0;)
    {
      const RwAroundSession *s = rw_around_get_session (around, i);
      g_autofree char *date = rw_date_format (s->day, "%A %-d %B %Y");
      /* Translators: a session in the list under the around-sessions
       * chart: its date and phase, "Tuesday 10 March 2026 · Induction" */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), date, rw_session_phase_label (s->phase));
      g_autofree char *numbers = rw_around_describe_session (around, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), numbers);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "around-session");
      gtk_list_box_append (self->around_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->around_list), n > 0);
}

static void
reload (RwTrendsPage *self)
{
  RwJournal *journal = rw_context_get_journal (self->context);
  g_autoptr(RwSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *range = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;

  series = rw_journal_load_series_range (journal, self->range, self->last, &error);
  g_clear_pointer (&self->previous, rw_series_unref);
  if (series == NULL)
    {
      g_warning ("Could not load the chart: %s", error->message);
      return;
    }
  if (self->range != RW_RANGE_ALL)
    {
      guint32 first = rw_series_get_first (series);
      guint days = rw_range_get_days (self->range);

      if (first > days)
        self->previous = rw_journal_load_series (journal, first - days, first - 1, NULL);
    }

  update_gap (self, series);
  update_markers (self, series);
  rw_chart_view_set_series (self->chart_view, series);
  range = rw_insights_describe_range (series);
  gtk_label_set_label (self->range_label, range);
  update_cards (self);
  update_insights (self);
  update_description (self);
  update_actions (self);
  update_around (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  RwTrendsPage *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
journal_changed_cb (RwTrendsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  /* Several changes in a row (an import, an undo) make one reload. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  guint days = rw_range_get_days (self->range);

  if (self->range == RW_RANGE_ALL || self->last <= days + 1)
    return;
  self->last -= days;
  reload (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  guint32 last = today (self);

  if (self->range == RW_RANGE_ALL || self->last >= last)
    return;
  self->last = MIN (last, self->last + rw_range_get_days (self->range));
  reload (self);
}

/* The range moved to end on the latest check-in. */
static void
show_latest_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);

  if (self->latest == 0)
    return;
  self->last = self->latest;
  reload (self);
}

static guint
year_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

/* The year calendar's buttons: back to the first check-in's year, on to
 * this one. */
static void
update_year (RwTrendsPage *self)
{
  guint year = rw_year_calendar_get_year (self->year_calendar);
  g_autofree char *text = g_strdup_printf ("%u", year);
  guint32 first = 0;

  rw_journal_get_span (rw_context_get_journal (self->context), &first, NULL, NULL);
  gtk_label_set_label (self->year_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.previous-year",
                                 first != 0 && year > year_of (first));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trends.next-year", year < year_of (today (self)));
}

static void
previous_year_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  guint year = rw_year_calendar_get_year (self->year_calendar);

  if (year > 1)
    rw_year_calendar_set_year (self->year_calendar, year - 1);
}

static void
next_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  guint year = rw_year_calendar_get_year (self->year_calendar);

  if (year < year_of (today (self)))
    rw_year_calendar_set_year (self->year_calendar, year + 1);
}

static void
show_error (RwTrendsPage *self,
            const char   *heading,
            const char   *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

/* Writes the chart and says in a toast where it went. */
static void
export_chart (RwTrendsPage  *self,
              const char    *path,
              RwChartFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!rw_chart_view_export_as (self->chart_view, path, format, &error))
    {
      show_error (self, _("The Chart Was Not Saved"), error->message);
      return;
    }
  name = g_filename_display_basename (path);
  dir = g_path_get_dirname (path);
  folder = g_filename_display_basename (dir);
  uri = g_filename_to_uri (dir, NULL, NULL);
  /* Translators: a toast after saving, "Chart saved as rewire-30d.pdf in Documents" */
  title = g_markup_printf_escaped (_("Chart saved as %s in %s"), name, folder);
  toast = adw_toast_new (title);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "trends.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  /* A newer save replaces the last one's toast rather than queueing. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
  g_set_object (&self->toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A path, written in the format its name ends in (none: PNG, and the name
 * gets .png). */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  RwChartFormat format = RW_CHART_FORMAT_PNG;
  g_autofree char *fixed = NULL;

  rw_chart_format_from_path (path, &format);
  fixed = rw_chart_format_fix_path (path, format);
  export_chart (self, fixed, format);
}

/* A path and a format ("png", "svg" or "pdf"), whatever the name says:
 * the name's ending is put right to match. */
static void
export_as_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  const char *path, *name;
  g_autofree char *fixed = NULL;
  g_autofree char *dotted = NULL;
  RwChartFormat format;

  g_variant_get (parameter, "(&s&s)", &path, &name);
  dotted = g_strconcat ("x.", name, NULL);
  if (!rw_chart_format_from_path (dotted, &format))
    {
      g_warning ("Unknown chart format “%s”", name);
      return;
    }
  fixed = rw_chart_format_fix_path (path, format);
  export_chart (self, fixed, format);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* The filter of each format, as the dialog offers them. */
static const char *const format_names[] = { "png", "svg", "pdf" };

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    RwTrendsPage    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
      /* The filter the person left it at, or chose: that format wins
       * over the name's ending when it is not the one first offered. */
      RwChartFormat chosen = filter != NULL
                             ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "rw-format"))
                             : RW_CHART_FORMAT_PNG;
      RwChartFormat format = rw_chart_format_choose (path, chosen, RW_CHART_FORMAT_PNG);

      gtk_widget_activate_action (GTK_WIDGET (self), "trends.export-as", "(ss)", path,
                                  format_names[format]);
    }
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  RwSeries *series = rw_chart_get_series (rw_chart_view_get_chart (self->chart_view));
  const char *patterns[][2] = {
    { N_("PNG image"), "*.png" }, { N_("SVG drawing"), "*.svg" }, { N_("PDF document"), "*.pdf" },
  };

  if (series == NULL || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Chart"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(patterns[i][0]));
      gtk_file_filter_add_pattern (filter, patterns[i][1]);
      g_object_set_data (G_OBJECT (filter), "rw-format", GINT_TO_POINTER (i));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      /* PNG first, as the name offered ends. */
      if (i == RW_CHART_FORMAT_PNG)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  {
    g_autofree char *to = rw_date_to_iso (rw_series_get_last (series));
    g_autofree char *name = g_strdup_printf ("rewire-%s-%s.png", rw_range_get_name (self->range), to);

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  }
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
rw_trends_page_map (GtkWidget *widget)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (widget);

  GTK_WIDGET_CLASS (rw_trends_page_parent_class)->map (widget);

  if (self->stale)
    reload (self);
}

/* The range of the preferences, when the page opens and when changed. */
static void
chart_range_changed_cb (RwTrendsPage *self,
                        const char   *key,
                        GSettings    *settings)
{
  g_autofree char *name = g_settings_get_string (settings, "chart-range");
  RwRange range;

  if (rw_range_from_name (name, &range))
    rw_trends_page_set_range (self, range);
}

static void
set_context (RwTrendsPage *self,
             RwContext    *context)
{
  g_assert (self->context == NULL);

  if (context == NULL)
    return;
  self->context = g_object_ref (context);
  self->last = today (self);
  {
    g_autofree char *name = g_settings_get_string (rw_context_get_settings (context), "chart-range");

    if (!rw_range_from_name (name, &self->range))
      self->range = RW_RANGE_30D;
  }
  g_signal_connect_object (rw_context_get_settings (context), "changed::chart-range",
                           G_CALLBACK (chart_range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (rw_context_get_journal (context), "changed",
                           G_CALLBACK (journal_changed_cb), self, G_CONNECT_SWAPPED);

  self->year_calendar = rw_year_calendar_new (context);
  adw_bin_set_child (self->year_bin, GTK_WIDGET (self->year_calendar));
  g_signal_connect_object (self->year_calendar, "notify::year", G_CALLBACK (update_year), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (rw_context_get_journal (context), "changed",
                           G_CALLBACK (update_year), self, G_CONNECT_SWAPPED);
  update_year (self);
}

static void
rw_trends_page_constructed (GObject *object)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);

  G_OBJECT_CLASS (rw_trends_page_parent_class)->constructed (object);

  g_return_if_fail (RW_IS_CONTEXT (self->context));
  reload (self);
}

static void
rw_trends_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);

  if (prop_id >= PROP_SHOW_FIRST && prop_id < N_PROPS)
    {
      g_value_set_boolean (value, self->visible[prop_id - PROP_SHOW_FIRST]);
      return;
    }
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_RANGE:
      g_value_set_string (value, rw_range_get_name (self->range));
      break;
    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;
    case PROP_AROUND_METRIC:
      g_value_set_string (value, rw_series_kind_get_name (self->around_metric));
      break;
    case PROP_AROUND_PHASE:
      g_value_set_string (value, rw_around_phase_get_name (self->around_phase));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_trends_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);

  if (prop_id >= PROP_SHOW_FIRST && prop_id < N_PROPS)
    {
      rw_trends_page_set_series_visible (self, prop_id - PROP_SHOW_FIRST,
                                         g_value_get_boolean (value));
      return;
    }
  switch (prop_id)
    {
    case PROP_CONTEXT:
      set_context (self, g_value_get_object (value));
      break;
    case PROP_RANGE:
      {
        RwRange range;

        if (g_value_get_string (value) != NULL &&
            rw_range_from_name (g_value_get_string (value), &range))
          rw_trends_page_set_range (self, range);
        else
          g_warning ("Unknown range “%s”", g_value_get_string (value));
      }
      break;
    case PROP_SHOW_DETAILS:
      rw_trends_page_set_show_details (self, g_value_get_boolean (value));
      break;
    case PROP_AROUND_METRIC:
      {
        RwSeriesKind kind;

        if (g_value_get_string (value) == NULL ||
            !rw_series_kind_from_name (g_value_get_string (value), &kind))
          g_warning ("Unknown metric “%s”", g_value_get_string (value));
        else if (kind != self->around_metric)
          {
            self->around_metric = kind;
            if (self->context != NULL)
              update_around (self);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_AROUND_PHASE:
      {
        RwAroundPhase phase;

        if (g_value_get_string (value) == NULL ||
            !rw_around_phase_from_name (g_value_get_string (value), &phase))
          g_warning ("Unknown phase “%s”", g_value_get_string (value));
        else if (phase != self->around_phase)
          {
            self->around_phase = phase;
            if (self->context != NULL)
              update_around (self);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_trends_page_dispose (GObject *object)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_TRENDS_PAGE);
  g_clear_object (&self->toast);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_trends_page_parent_class)->dispose (object);
}

static void
rw_trends_page_finalize (GObject *object)
{
  RwTrendsPage *self = RW_TRENDS_PAGE (object);

  g_clear_pointer (&self->previous, rw_series_unref);

  G_OBJECT_CLASS (rw_trends_page_parent_class)->finalize (object);
}

static void
rw_trends_page_class_init (RwTrendsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_trends_page_constructed;
  object_class->get_property = rw_trends_page_get_property;
  object_class->set_property = rw_trends_page_set_property;
  object_class->dispose = rw_trends_page_dispose;
  object_class->finalize = rw_trends_page_finalize;
  widget_class->map = rw_trends_page_map;

  /**
   * RwTrendsPage:context:
   *
   * The journal, settings and clock the page shows.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwTrendsPage:range:
   *
   * How far back the chart reaches: "7d", "30d", "90d", "1y" or "all".
   */
  properties[PROP_RANGE] =
    g_param_spec_string ("range", NULL, NULL, "30d",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwTrendsPage:show-details:
   *
   * Whether the numbers behind each insight (difference, p value, method)
   * are shown under it.
   */
  properties[PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwTrendsPage:around-metric:
   *
   * What the around-sessions chart shows: "mood", "anxiety", … "sleep".
   */
  properties[PROP_AROUND_METRIC] =
    g_param_spec_string ("around-metric", NULL, NULL, "mood",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * RwTrendsPage:around-phase:
   *
   * Which done sessions it lines up: "all", "induction" or "booster".
   */
  properties[PROP_AROUND_PHASE] =
    g_param_spec_string ("around-phase", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* RwTrendsPage:show-mood, :show-sleep, … : whether each series is shown. */
  for (guint k = 0; k < RW_N_SERIES; k++)
    properties[PROP_SHOW_FIRST + k] =
      g_param_spec_boolean (show_names[k], NULL, NULL, shown_by_default (k),
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RW_TYPE_AROUND_VIEW);
  g_type_ensure (RW_TYPE_CHART_VIEW);
  g_type_ensure (RW_TYPE_WRAP_BOX);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "trends");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-trends-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, cards);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, insights_title);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, insights_box);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, details_button);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, gap_box);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, gap_label);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, year_bin);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_empty);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_controls);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_frame);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_view);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_metric_button);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_summary);
  gtk_widget_class_bind_template_child (widget_class, RwTrendsPage, around_list);

  gtk_widget_class_install_property_action (widget_class, "trends.range", "range");
  gtk_widget_class_install_property_action (widget_class, "trends.show-details", "show-details");
  gtk_widget_class_install_property_action (widget_class, "trends.around-metric", "around-metric");
  gtk_widget_class_install_property_action (widget_class, "trends.around-phase", "around-phase");
  for (guint k = 0; k < RW_N_SERIES; k++)
    {
      g_autofree char *action = g_strconcat ("trends.", show_names[k], NULL);
      gtk_widget_class_install_property_action (widget_class, action, show_names[k]);
    }
  gtk_widget_class_install_action (widget_class, "trends.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "trends.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "trends.show-latest", NULL, show_latest_action);
  gtk_widget_class_install_action (widget_class, "trends.previous-year", NULL, previous_year_action);
  gtk_widget_class_install_action (widget_class, "trends.next-year", NULL, next_year_action);
  gtk_widget_class_install_action (widget_class, "trends.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "trends.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "trends.export-as", "(ss)", export_as_action);
  gtk_widget_class_install_action (widget_class, "trends.open-folder", "s", open_folder_action);
}

static void
rw_trends_page_init (RwTrendsPage *self)
{
  self->range = RW_RANGE_30D;
  self->around_metric = RW_SERIES_MOOD;
  self->around_phase = RW_AROUND_PHASE_ALL;
  self->last = rw_date_today ();
  for (guint k = 0; k < RW_N_SERIES; k++)
    self->visible[k] = shown_by_default (k);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint k = 0; k < RW_N_SERIES; k++)
    rw_chart_view_set_visible (self->chart_view, k, self->visible[k]);
}

/**
 * rw_trends_page_new:
 * @context: the journal, clock and settings
 *
 * Returns: (transfer floating): the page, showing the last 30 days
 */
RwTrendsPage *
rw_trends_page_new (RwContext *context)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_TRENDS_PAGE, "context", context, NULL);
}

RwContext *
rw_trends_page_get_context (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), NULL);
  return self->context;
}

RwRange
rw_trends_page_get_range (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), RW_RANGE_30D);
  return self->range;
}

/**
 * rw_trends_page_set_range:
 * @self: a #RwTrendsPage
 * @range: how far back
 *
 * Shows @range up to the last day shown, or up to today for "all".
 */
void
rw_trends_page_set_range (RwTrendsPage *self,
                          RwRange       range)
{
  g_return_if_fail (RW_IS_TRENDS_PAGE (self));
  g_return_if_fail (range <= RW_RANGE_ALL);

  if (range == self->range)
    return;
  self->range = range;
  if (self->context != NULL)
    {
      if (range == RW_RANGE_ALL)
        self->last = today (self);
      reload (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RANGE]);
}

gboolean
rw_trends_page_get_series_visible (RwTrendsPage *self,
                                   RwSeriesKind  kind)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), FALSE);
  g_return_val_if_fail (kind < RW_N_SERIES, FALSE);
  return self->visible[kind];
}

void
rw_trends_page_set_series_visible (RwTrendsPage *self,
                                   RwSeriesKind  kind,
                                   gboolean      visible)
{
  g_return_if_fail (RW_IS_TRENDS_PAGE (self));
  g_return_if_fail (kind < RW_N_SERIES);

  visible = !!visible;
  if (self->visible[kind] == visible)
    return;
  self->visible[kind] = visible;
  rw_chart_view_set_visible (self->chart_view, kind, visible);
  update_cards (self);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_FIRST + kind]);
}

gboolean
rw_trends_page_get_show_details (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), FALSE);
  return self->show_details;
}

/**
 * rw_trends_page_set_show_details:
 * @self: a #RwTrendsPage
 * @show: whether to show the numbers
 *
 * Shows or hides the numbers behind each insight.
 */
void
rw_trends_page_set_show_details (RwTrendsPage *self,
                                 gboolean      show)
{
  g_return_if_fail (RW_IS_TRENDS_PAGE (self));

  show = !!show;
  if (self->show_details == show)
    return;
  self->show_details = show;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->insights_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "insight-details"))
      gtk_widget_set_visible (child, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DETAILS]);
}

RwChartView *
rw_trends_page_get_chart_view (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), NULL);
  return self->chart_view;
}

RwYearCalendar *
rw_trends_page_get_year_calendar (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), NULL);
  return self->year_calendar;
}

RwChart *
rw_trends_page_get_chart (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), NULL);
  return rw_chart_view_get_chart (self->chart_view);
}

static char *
collect_labels (GtkWidget *root)
{
  GString *out = g_string_new (NULL);
  GtkWidget *w = root;

  /* Depth-first over the labels under @root. */
  while (w != NULL)
    {
      GtkWidget *next;

      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      next = gtk_widget_get_first_child (w);
      while (next == NULL && w != root)
        {
          next = gtk_widget_get_next_sibling (w);
          if (next == NULL)
            w = gtk_widget_get_parent (w);
        }
      if (next == NULL)
        break;
      w = next;
    }
  return g_string_free (out, FALSE);
}

char *
rw_trends_page_dup_summary_text (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), NULL);
  return collect_labels (GTK_WIDGET (self->cards));
}

char *
rw_trends_page_dup_insights_text (RwTrendsPage *self)
{
  g_return_val_if_fail (RW_IS_TRENDS_PAGE (self), NULL);
  return collect_labels (GTK_WIDGET (self->insights_box));
}
