/* rw-questionnaire-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-questionnaire-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-help-window.h"
#include "rw-questionnaire-window.h"

/**
 * RwQuestionnaireWindow:
 *
 * A PHQ-9 or GAD-7 as its authors published it: the instructions on
 * top, one item a row with its four answers as toggle buttons (Tab and
 * Space reach and choose them), the unscored question on difficulty, and
 * the attribution at the bottom. Saving shows the total and its band as
 * a screening score. When PHQ-9's item 9 is above 0 the core's rule
 * (rw_safety_should_offer_for_assessment()) has the window show, after
 * the save and every time, the person's crisis line, their safety plan
 * (`app.safety-plan`) and Get Help Now, in the window and never as a
 * dialog. The History page charts the totals over the bands and lists
 * them, each deletable with Undo.
 */
struct _RwQuestionnaireWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkScrolledWindow *form_scrolled;
  GtkRevealer *result_revealer;
  GtkLabel *total_label;
  GtkLabel *result_label;
  GtkRevealer *offer_revealer;
  GtkLabel *offer_label;
  GtkLabel *call_label;
  GtkLabel *emergency_label;
  GtkLabel *prescriber_label;
  GtkButton *safety_plan_button;
  GtkButton *get_help_button;
  GtkLabel *instructions_label;
  GtkLabel *language_label;
  GtkBox *items_box;
  GtkButton *save_button;
  GtkLabel *attribution_label;
  GtkDrawingArea *chart;
  GtkLabel *empty_label;
  GtkListBox *history_list;

  /* Owned */
  RwContext *context;
  RwQuestionnaireKind kind;
  RwQuestionnaire *form;
  int answers[RW_QUESTIONNAIRE_MAX_ITEMS];
  int difficulty;
  RwAssessment *saved;
  GPtrArray *history;       /* of RwAssessment, newest first */
  char *pending_delete;     /* the id whose Undo is on screen */
  AdwToast *undo_toast;
};

G_DEFINE_FINAL_TYPE (RwQuestionnaireWindow, rw_questionnaire_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_KIND,
  PROP_RESTART_AFTER_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_complete (RwQuestionnaireWindow *self)
{
  for (guint i = 0; i < rw_questionnaire_kind_n_items (self->kind); i++)
    if (self->answers[i] < 0)
      return FALSE;
  return TRUE;
}

static void
update_save (RwQuestionnaireWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "questionnaire.save",
                                 self->saved == NULL && is_complete (self));
}

static void
answer_toggled_cb (GtkToggleButton       *button,
                   RwQuestionnaireWindow *self)
{
  int item = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rw-item"));
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "rw-value"));

  if (!gtk_toggle_button_get_active (button))
    return;
  if (item < (int) rw_questionnaire_kind_n_items (self->kind))
    self->answers[item] = value;
  else
    self->difficulty = value;
  update_save (self);
}

/* One item: its text, then its four answers as one group of toggles. */
static void
add_item (RwQuestionnaireWindow  *self,
          guint                   item,
          const char             *text,
          char                  **answers)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *label = gtk_label_new (text);
  /* Two pairs: four to a line when they fit, else two and two (360 px,
   * large text), never three and one. */
  GtkWidget *row = gtk_flow_box_new ();
  GtkWidget *pair = NULL;
  GtkToggleButton *first = NULL;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (row), TRUE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (row), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (row), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (row), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (row), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (row), 6);
  gtk_box_append (GTK_BOX (box), row);

  for (guint v = 0; v < RW_QUESTIONNAIRE_N_ANSWERS; v++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *answer = gtk_label_new (answers[v]);
      g_autofree char *name = g_strdup_printf ("answer-%u-%u", item, v);

      gtk_label_set_wrap (GTK_LABEL (answer), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (answer), 4);
      /* Narrow enough that four fit a line from about 420 px. */
      gtk_label_set_max_width_chars (GTK_LABEL (answer), 8);
      gtk_label_set_justify (GTK_LABEL (answer), GTK_JUSTIFY_CENTER);
      gtk_button_set_child (GTK_BUTTON (button), answer);
      gtk_widget_set_name (button, name);
      gtk_widget_add_css_class (button, "questionnaire-answer");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, answer, label, NULL,
                                      -1);
      g_object_set_data (G_OBJECT (button), "rw-item", GINT_TO_POINTER (item));
      g_object_set_data (G_OBJECT (button), "rw-value", GINT_TO_POINTER (v));
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      g_signal_connect (button, "toggled", G_CALLBACK (answer_toggled_cb), self);
      if (v % 2 == 0)
        {
          pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          gtk_box_set_homogeneous (GTK_BOX (pair), TRUE);
          gtk_flow_box_append (GTK_FLOW_BOX (row), pair);
          /* Tab goes to the answers themselves, not to their cells. */
          gtk_widget_set_focusable (gtk_widget_get_parent (pair), FALSE);
        }
      gtk_box_append (GTK_BOX (pair), button);
    }

  gtk_box_append (self->items_box, box);
}

static void
build_form (RwQuestionnaireWindow *self)
{
  g_autofree char *attribution = NULL;
  g_autofree char *difficulty = NULL;
  const char *language = g_get_language_names ()[0];

  gtk_window_set_title (GTK_WINDOW (self), self->form->name);
  adw_view_switcher_title_set_title (self->switcher_title, self->form->title);
  gtk_label_set_label (self->instructions_label, self->form->instructions);
  /* Only English is bundled (data/questionnaires/README.md). */
  gtk_widget_set_visible (GTK_WIDGET (self->language_label),
                          !g_str_has_prefix (language, "en") && !g_str_equal (language, "C") &&
                          !g_str_has_prefix (language, "C.") && !g_str_equal (language, "POSIX"));

  for (guint i = 0; i < self->form->items->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u. %s", i + 1,
                                               (char *) g_ptr_array_index (self->form->items, i));

      add_item (self, i, text, self->form->answers);
    }
  /* Translators: after the form's question on difficulty, which the form
   * itself does not score. */
  difficulty = g_strdup_printf (_("%s (Not counted in the score.)"), self->form->difficulty);
  add_item (self, self->form->items->len, difficulty, self->form->difficulty_answers);

  attribution = g_strdup_printf ("%s\n%s", self->form->attribution, self->form->citation);
  gtk_label_set_label (self->attribution_label, attribution);
}

/* Draws the totals oldest to newest over the published bands, each band
 * shaded and named; by date, so that gaps show. */
static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  RwQuestionnaireWindow *self = user_data;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  GdkRGBA fg = { 0, 0, 0, 1 }, accent = { 0.2, 0.4, 0.8, 1 };
  double left = 8, right = width - 8, top = 8, bottom = height - 24;
  guint max = rw_questionnaire_kind_max_total (self->kind);
  guint32 first = 0, last = 0;
  guint n = self->history != NULL ? self->history->len : 0;
  int label_width = 0;
  double plot_left;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (style, "window_fg_color", &fg);
  gtk_style_context_lookup_color (style, "accent_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (RwQuestionnaireBand band = 0; band <= RW_QUESTIONNAIRE_BAND_SEVERE; band++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      guint low, high;
      double y0, y1;

      if (self->kind == RW_QUESTIONNAIRE_GAD7 && band == RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE)
        continue;
      rw_questionnaire_band_range (self->kind, band, &low, &high);
      y0 = bottom - (bottom - top) * (high + 1) / (max + 1);
      y1 = bottom - (bottom - top) * low / (max + 1);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.03 + 0.035 * band);
      cairo_rectangle (cr, left, y0, right - left, y1 - y0);
      cairo_fill (cr);

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
      {
        g_autofree char *text = g_strdup_printf ("%s %u–%u", rw_questionnaire_band_label (band),
                                                 low, high);
        PangoFontDescription *font = pango_font_description_from_string ("Sans 8");

        pango_layout_set_text (layout, text, -1);
        pango_layout_set_font_description (layout, font);
        pango_font_description_free (font);
      }
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      cairo_move_to (cr, left + 4, y0 + 1);
      pango_cairo_show_layout (cr, layout);
      {
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        label_width = MAX (label_width, w);
      }
    }
  /* The points start right of the band names, so that none hides one. */
  plot_left = MIN (left + label_width + 16, (left + right) / 2);

  if (n == 0)
    return;
  first = ((RwAssessment *) g_ptr_array_index (self->history, n - 1))->date;
  last = ((RwAssessment *) g_ptr_array_index (self->history, 0))->date;

  cairo_new_path (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 1);
  cairo_set_line_width (cr, 2);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = n; i-- > 0;)
        {
          RwAssessment *a = g_ptr_array_index (self->history, i);
          double x = last == first ? (plot_left + right) / 2
                                   : plot_left + (right - 8 - plot_left) * (double) (a->date - first) / (last - first);
          double y = bottom - (bottom - top) * (a->total + 0.5) / (max + 1);

          if (pass == 0)
            cairo_line_to (cr, x, y);
          else
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x, y, 4, 0, 2 * G_PI);
            }
        }
      if (pass == 0)
        cairo_stroke (cr);
      else
        cairo_fill (cr);
    }

  /* The first and last dates under the chart. */
  for (guint end = 0; end < 2; end++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), NULL);
      g_autofree char *text = rw_date_format (end == 0 ? first : last, "%e %b %Y");
      int w, h;

      pango_layout_set_text (layout, g_strstrip (text), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, end == 0 ? plot_left - 8 : right - w, bottom + 4);
      pango_cairo_show_layout (cr, layout);
      if (first == last)
        break;
    }
}

static void
load_history (RwQuestionnaireWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint32 today = rw_clock_get_day (rw_context_get_clock (self->context));

  g_clear_pointer (&self->history, g_ptr_array_unref);
  self->history = rw_journal_list_assessments (rw_context_get_journal (self->context), self->kind,
                                               &error);
  if (self->history == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      self->history = g_ptr_array_new ();
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  for (guint i = 0; i < self->history->len; i++)
    {
      RwAssessment *a = g_ptr_array_index (self->history, i);
      g_autofree char *title = NULL;
      g_autofree char *date = rw_date_format_friendly (a->date, today);
      g_autofree char *subtitle = g_strdup_printf ("%s, %s", date, a->time);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Translators: "12 of 27: moderate", a screening score and its band. */
      title = g_strdup_printf (_("%u of %u: %s"), a->total,
                               rw_questionnaire_kind_max_total (a->kind),
                               rw_questionnaire_band_label (rw_questionnaire_band (a->kind, a->total)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      gtk_widget_set_tooltip_text (delete, _("Delete"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "questionnaire.delete");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", a->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      gtk_list_box_append (self->history_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->history_list), self->history->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), self->history->len == 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
show_offer (RwQuestionnaireWindow *self)
{
  g_autoptr(RwCrisisDirectory) directory = rw_crisis_directory_new_or_fallback ();
  GSettings *settings = rw_context_get_settings (self->context);
  g_autofree char *chosen = settings != NULL ? g_settings_get_string (settings, "country") : NULL;
  g_autofree char *country = rw_safety_resolve_country (directory, chosen);
  g_autofree char *call = rw_safety_dup_call_line (directory, country);
  g_autofree char *emergency = rw_safety_dup_emergency_line (directory, country);
  g_autofree char *offer = rw_safety_dup_assessment_offer (TRUE);
  g_autofree char *prescriber = rw_safety_dup_prescriber_line ();
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gtk_label_set_label (self->offer_label, offer);
  gtk_label_set_label (self->call_label, call);
  gtk_label_set_label (self->emergency_label, emergency != NULL ? emergency : "");
  gtk_widget_set_visible (GTK_WIDGET (self->emergency_label), emergency != NULL);
  gtk_label_set_label (self->prescriber_label, prescriber);
  /* The safety plan's own window (app.safety-plan), where the app has it. */
  /* Its flow box child, so that Get Help Now takes its place. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->safety_plan_button)),
                          app != NULL &&
                          g_action_group_has_action (G_ACTION_GROUP (app), "safety-plan"));
  gtk_widget_set_visible (GTK_WIDGET (self->offer_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->offer_revealer, TRUE);
  /* Save goes away: the focus goes to the first way to help, not to
   * whatever label follows (a selectable one would be selected). */
  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "safety-plan"))
    gtk_widget_grab_focus (GTK_WIDGET (self->safety_plan_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->get_help_button));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (widget);
  RwClock *clock = rw_context_get_clock (self->context);
  g_autoptr(GDateTime) now = rw_clock_dup_now_local (clock);
  g_autoptr(RwAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  guint8 answers[RW_QUESTIONNAIRE_MAX_ITEMS] = { 0 };
  g_autofree char *total = NULL;
  g_autofree char *result = NULL;
  guint n = rw_questionnaire_kind_n_items (self->kind);

  if (self->saved != NULL || !is_complete (self))
    return;
  for (guint i = 0; i < n; i++)
    answers[i] = self->answers[i];

  assessment = rw_assessment_new (self->kind, answers, n, self->difficulty, &error);
  if (assessment != NULL)
    {
      assessment->date = rw_clock_get_day (clock);
      g_snprintf (assessment->time, sizeof assessment->time, "%02d:%02d",
                  g_date_time_get_hour (now), g_date_time_get_minute (now));
    }
  if (assessment == NULL ||
      !rw_journal_save_assessment (rw_context_get_journal (self->context), assessment, &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }
  self->saved = g_steal_pointer (&assessment);

  /* Translators: a screening score: "12 of 27". */
  total = g_strdup_printf (_("%u of %u"), self->saved->total,
                           rw_questionnaire_kind_max_total (self->kind));
  result = rw_questionnaire_dup_result (self->kind, self->saved->total);
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->result_label, result);
  gtk_widget_set_visible (GTK_WIDGET (self->result_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->result_revealer, TRUE);

  /* Saved first; then the core's rule, every time it holds. */
  if (rw_safety_should_offer_for_assessment (self->saved))
    show_offer (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->items_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  update_save (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->form_scrolled), 0);
  load_history (self);
}

static void
get_help_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (rw_help_window_new (self->context, GTK_WINDOW (self))));
}

static void
purge_pending (RwQuestionnaireWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->pending_delete == NULL)
    return;
  g_clear_pointer (&self->pending_delete, g_free);
  if (!rw_journal_purge_hidden_assessments (rw_context_get_journal (self->context), &error))
    g_message ("Could not delete a questionnaire for good: %s", error->message);
}

static void
undo_dismissed_cb (AdwToast              *toast,
                   RwQuestionnaireWindow *self)
{
  if (self->undo_toast == toast)
    {
      g_clear_object (&self->undo_toast);
      purge_pending (self);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->undo_toast != NULL)
    {
      g_autoptr(AdwToast) old = g_steal_pointer (&self->undo_toast);

      adw_toast_dismiss (old);
      purge_pending (self);
    }
  if (!rw_journal_hide_assessment (rw_context_get_journal (self->context), id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  self->pending_delete = g_strdup (id);
  toast = adw_toast_new (_("Deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "questionnaire.undo");
  self->undo_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  load_history (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_steal_pointer (&self->pending_delete);

  g_clear_object (&self->undo_toast);
  if (id != NULL &&
      !rw_journal_unhide_assessment (rw_context_get_journal (self->context), id, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  load_history (self);
}

static void
rw_questionnaire_window_constructed (GObject *object)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (rw_questionnaire_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->form = rw_questionnaire_load (self->kind, &error);
  if (self->form == NULL)
    {
      gtk_label_set_label (self->instructions_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
    }
  else
    build_form (self);

  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  load_history (self);
  update_save (self);
}

static void
rw_questionnaire_window_dispose (GObject *object)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (object);

  /* An Undo still on screen ends with the window. */
  g_clear_object (&self->undo_toast);
  if (self->context != NULL)
    purge_pending (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_QUESTIONNAIRE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_questionnaire_window_parent_class)->dispose (object);
}

static void
rw_questionnaire_window_finalize (GObject *object)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (object);

  g_clear_pointer (&self->form, rw_questionnaire_free);
  g_clear_pointer (&self->saved, rw_assessment_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self->pending_delete);

  G_OBJECT_CLASS (rw_questionnaire_window_parent_class)->finalize (object);
}

static void
rw_questionnaire_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_RESTART_AFTER_SESSION:
      g_value_set_boolean (value, rw_questionnaire_window_get_restart_after_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_questionnaire_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RwQuestionnaireWindow *self = RW_QUESTIONNAIRE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    case PROP_RESTART_AFTER_SESSION:
      rw_questionnaire_window_set_restart_after_session (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_questionnaire_window_class_init (RwQuestionnaireWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_questionnaire_window_constructed;
  object_class->dispose = rw_questionnaire_window_dispose;
  object_class->finalize = rw_questionnaire_window_finalize;
  object_class->get_property = rw_questionnaire_window_get_property;
  object_class->set_property = rw_questionnaire_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, RW_N_QUESTIONNAIRES - 1, RW_QUESTIONNAIRE_PHQ9,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A setting of the journal (the command line and every window share it). */
  properties[PROP_RESTART_AFTER_SESSION] =
    g_param_spec_boolean ("restart-after-session", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-questionnaire-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, form_scrolled);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, result_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, total_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, result_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, offer_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, offer_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, call_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, emergency_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, prescriber_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, safety_plan_button);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, get_help_button);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, language_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, items_box);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, attribution_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, empty_label);
  gtk_widget_class_bind_template_child (widget_class, RwQuestionnaireWindow, history_list);

  gtk_widget_class_install_action (widget_class, "questionnaire.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.get-help", NULL, get_help_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.delete", "s", delete_action);
  gtk_widget_class_install_action (widget_class, "questionnaire.undo", NULL, undo_action);
  gtk_widget_class_install_property_action (widget_class, "questionnaire.restart-after-session",
                                            "restart-after-session");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "questionnaire.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_questionnaire_window_init (RwQuestionnaireWindow *self)
{
  for (guint i = 0; i < RW_QUESTIONNAIRE_MAX_ITEMS; i++)
    self->answers[i] = -1;
  self->difficulty = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_questionnaire_window_new:
 * @context: the journal, settings and clock
 * @parent: (nullable): the window it belongs to
 * @kind: which questionnaire
 *
 * Returns: (transfer full): the window; present it
 */
RwQuestionnaireWindow *
rw_questionnaire_window_new (RwContext           *context,
                             GtkWindow           *parent,
                             RwQuestionnaireKind  kind)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (kind < RW_N_QUESTIONNAIRES, NULL);

  /* In the parent's application, so that app.safety-plan reaches it. */
  return g_object_new (RW_TYPE_QUESTIONNAIRE_WINDOW, "context", context, "kind", kind,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

RwQuestionnaireKind
rw_questionnaire_window_get_kind (RwQuestionnaireWindow *self)
{
  g_return_val_if_fail (RW_IS_QUESTIONNAIRE_WINDOW (self), RW_QUESTIONNAIRE_PHQ9);
  return self->kind;
}

/**
 * rw_questionnaire_window_get_saved:
 * @self: a #RwQuestionnaireWindow
 *
 * Returns: (nullable) (transfer none): the answers saved from it, or %NULL
 */
const RwAssessment *
rw_questionnaire_window_get_saved (RwQuestionnaireWindow *self)
{
  g_return_val_if_fail (RW_IS_QUESTIONNAIRE_WINDOW (self), NULL);
  return self->saved;
}

gboolean
rw_questionnaire_window_get_offer_shown (RwQuestionnaireWindow *self)
{
  g_return_val_if_fail (RW_IS_QUESTIONNAIRE_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->offer_revealer);
}

guint
rw_questionnaire_window_get_n_history (RwQuestionnaireWindow *self)
{
  g_return_val_if_fail (RW_IS_QUESTIONNAIRE_WINDOW (self), 0);
  return self->history != NULL ? self->history->len : 0;
}

/**
 * rw_questionnaire_window_get_restart_after_session:
 * @self: a #RwQuestionnaireWindow
 *
 * Returns: whether a session marked done makes the next one due
 *   (rw_journal_get_assessment_restart())
 */
gboolean
rw_questionnaire_window_get_restart_after_session (RwQuestionnaireWindow *self)
{
  g_return_val_if_fail (RW_IS_QUESTIONNAIRE_WINDOW (self), FALSE);

  return self->context != NULL &&
         rw_journal_get_assessment_restart (rw_context_get_journal (self->context));
}

void
rw_questionnaire_window_set_restart_after_session (RwQuestionnaireWindow *self,
                                                   gboolean               restart)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (RW_IS_QUESTIONNAIRE_WINDOW (self));

  restart = !!restart;
  if (self->context == NULL || restart == rw_questionnaire_window_get_restart_after_session (self))
    return;
  if (!rw_journal_set_assessment_restart (rw_context_get_journal (self->context), restart, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTART_AFTER_SESSION]);
}
