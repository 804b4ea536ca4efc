/* rw-history-row.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-history-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rw-history-row.h"
#include "rw-wrap-box.h"

/**
 * RwHistoryRow:
 *
 * One row of the history list. The list shows a single flat model of day
 * headers and check-ins (GTK 4.8 has no sections), and rows are recycled,
 * so each row can show either kind and switches when it is bound.
 */
struct _RwHistoryRow
{
  GtkWidget parent_instance;

  /* Day header */
  GtkWidget *header_box;
  GtkLabel *date_label;
  GtkLabel *count_label;
  GtkLabel *mood_label;

  /* Check-in */
  GtkWidget *entry_box;
  GtkLabel *time_label;
  GtkWidget *metrics_box;
  GtkLabel *metric_labels[RW_N_METRICS + 1];   /* the scales, then sleep */
  GtkWidget *tags_box;
  GtkLabel *note_label;
  GtkWidget *edit_button;
  GtkWidget *delete_button;

  char *summary;
};

G_DEFINE_FINAL_TYPE (RwHistoryRow, rw_history_row, GTK_TYPE_WIDGET)

static const char * const mood_classes[] = {
  "mood-none", "mood-1", "mood-2", "mood-3", "mood-4", "mood-5",
};

/**
 * rw_mood_css_class:
 * @mood: a mean mood 0–10, or negative for none
 *
 * Returns: the style class of a day's mood pill
 */
const char *
rw_mood_css_class (double mood)
{
  if (mood < 0)
    return mood_classes[0];
  if (mood < 2.5)
    return mood_classes[1];
  if (mood < 4.5)
    return mood_classes[2];
  if (mood < 6.5)
    return mood_classes[3];
  if (mood < 8.5)
    return mood_classes[4];
  return mood_classes[5];
}

/**
 * rw_format_friendly_date:
 * @date: YYYY-MM-DD
 * @today: (nullable): today, YYYY-MM-DD
 *
 * Returns: (transfer full): "Today", "Yesterday", "Saturday 21 November",
 *   or with the year when it is not this year's
 */
char *
rw_format_friendly_date (const char *date,
                         const char *today)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d, ty = 0, tm = 0, td = 0;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 ||
      (dt = g_date_time_new_local (y, m, d, 12, 0, 0)) == NULL)
    return g_strdup (date != NULL ? date : "");

  if (today != NULL && sscanf (today, "%d-%d-%d", &ty, &tm, &td) == 3)
    {
      g_autoptr(GDateTime) now = g_date_time_new_local (ty, tm, td, 12, 0, 0);

      if (now != NULL)
        {
          GTimeSpan diff = g_date_time_difference (now, dt);

          if (diff == 0)
            return g_strdup (_("Today"));
          if (diff == G_TIME_SPAN_DAY)
            return g_strdup (_("Yesterday"));
        }
    }

  if (y == ty)
    return g_date_time_format (dt, _("%A %-d %B"));
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

static void
rw_history_row_dispose (GObject *object)
{
  RwHistoryRow *self = (RwHistoryRow *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rw_history_row_parent_class)->dispose (object);
}

static void
rw_history_row_finalize (GObject *object)
{
  RwHistoryRow *self = (RwHistoryRow *)object;

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (rw_history_row_parent_class)->finalize (object);
}

static void
rw_history_row_class_init (RwHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_history_row_dispose;
  object_class->finalize = rw_history_row_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historyrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkLabel *
new_label (const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *action_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* The actions take a check-in id; bind sets the real one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (""));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

/* A row shows a day header or a check-in, and is made for the first item
 * it shows: each part is built the first time it is needed (a list of
 * headers and check-ins soon has both in every row, but the first screen
 * builds only what it shows). */
static void
ensure_header (RwHistoryRow *self)
{
  if (self->header_box != NULL)
    return;

  /* Day header: the date, how many, and the day's mood as a number and a colour */
  self->header_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (self->header_box, "day-header");
  self->date_label = new_label ("heading", 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->date_label), TRUE);
  gtk_label_set_ellipsize (self->date_label, PANGO_ELLIPSIZE_END);
  self->count_label = new_label ("dim-label", 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  self->mood_label = new_label ("mood-pill", 0.5);
  gtk_widget_set_valign (GTK_WIDGET (self->mood_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->header_box), GTK_WIDGET (self->date_label));
  gtk_box_append (GTK_BOX (self->header_box), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (self->header_box), GTK_WIDGET (self->mood_label));
  gtk_widget_insert_after (self->header_box, GTK_WIDGET (self), NULL);
}

static void
ensure_entry (RwHistoryRow *self)
{
  GtkWidget *top;
  GtkWidget *texts;

  if (self->entry_box != NULL)
    return;

  /* Check-in: time and values, tags, the note's first line, edit and delete */
  self->entry_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->entry_box, "check-in-entry");
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (texts, TRUE);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  self->time_label = new_label ("numeric", 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "heading");
  gtk_widget_set_valign (GTK_WIDGET (self->time_label), GTK_ALIGN_START);
  /* One short label a value, wrapped as whole values: a wrapping label
   * would break inside "Slept 6.5 h", and Pango measures a wrapping
   * label's smallest width by shaping it again at every break. */
  self->metrics_box = rw_wrap_box_new (10);
  rw_wrap_box_set_line_spacing (RW_WRAP_BOX (self->metrics_box), 2);
  gtk_widget_set_hexpand (self->metrics_box, TRUE);
  gtk_widget_set_valign (self->metrics_box, GTK_ALIGN_START);
  gtk_widget_set_can_target (self->metrics_box, FALSE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->time_label));
  gtk_box_append (GTK_BOX (top), self->metrics_box);
  self->tags_box = rw_wrap_box_new (4);
  gtk_widget_set_can_target (self->tags_box, FALSE);
  gtk_widget_set_focusable (self->tags_box, FALSE);
  self->note_label = new_label (NULL, 0);
  gtk_label_set_ellipsize (self->note_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->note_label, TRUE);
  gtk_box_append (GTK_BOX (texts), top);
  gtk_box_append (GTK_BOX (texts), self->tags_box);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->note_label));
  self->edit_button = new_icon_button ("document-edit-symbolic", "journal.edit-check-in",
                                       _("Edit check-in"));
  self->delete_button = new_icon_button ("user-trash-symbolic", "journal.delete-check-in",
                                         _("Delete check-in"));
  gtk_box_append (GTK_BOX (self->entry_box), texts);
  gtk_box_append (GTK_BOX (self->entry_box), self->edit_button);
  gtk_box_append (GTK_BOX (self->entry_box), self->delete_button);
  gtk_widget_set_parent (self->entry_box, GTK_WIDGET (self));
}

static void
rw_history_row_init (RwHistoryRow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
}

GtkWidget *
rw_history_row_new (void)
{
  return g_object_new (RW_TYPE_HISTORY_ROW, NULL);
}

static void
set_summary (RwHistoryRow *self,
             char         *summary)
{
  g_free (self->summary);
  self->summary = summary;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

static void
bind_header (RwHistoryRow *self,
             RwDayHeader  *header,
             const char   *today)
{
  g_autofree char *date = rw_format_friendly_date (rw_day_header_get_date (header), today);
  double mood = rw_day_header_get_mean_mood (header);
  guint n = rw_day_header_get_n_check_ins (header);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                         "%u check-ins", n), n);
  g_autofree char *mood_text = NULL;

  ensure_header (self);
  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->count_label, count);

  for (guint i = 0; i < G_N_ELEMENTS (mood_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->mood_label), mood_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->mood_label), rw_mood_css_class (mood));

  if (mood >= 0)
    {
      g_autofree char *tooltip = NULL;

      mood_text = g_strdup_printf ("%.1f", mood);
      tooltip = g_strdup_printf (_("Mean mood %.1f of 10"), mood);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mood_label), tooltip);
      set_summary (self, g_strdup_printf (_("%s, %s, mean mood %.1f"), date, count, mood));
    }
  else
    {
      mood_text = g_strdup ("–");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mood_label), _("No mood recorded"));
      set_summary (self, g_strdup_printf (_("%s, %s, no mood recorded"), date, count));
    }
  gtk_label_set_label (self->mood_label, mood_text);

  gtk_widget_set_visible (self->header_box, TRUE);
  if (self->entry_box != NULL)
    gtk_widget_set_visible (self->entry_box, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "is-header");
}

static char *
describe_metrics (RwCheckIn *check_in)
{
  GString *out = g_string_new (NULL);
  double sleep = rw_check_in_get_sleep_hours (check_in);

  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);

      if (value == RW_METRIC_UNSET)
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, "%s %d", rw_metric_get_label (i), value);
    }

  if (sleep >= 0)
    {
      g_autofree char *hours = rw_format_sleep_hours (sleep);

      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, _("Slept %s h"), hours);
    }

  if (out->len == 0)
    g_string_append (out, _("No values recorded"));

  return g_string_free (out, FALSE);
}

static GtkLabel *
metric_label (RwHistoryRow *self,
              guint         index)
{
  g_assert (index < G_N_ELEMENTS (self->metric_labels));

  if (self->metric_labels[index] == NULL)
    {
      self->metric_labels[index] = new_label ("dim-label", 0);
      rw_wrap_box_append (RW_WRAP_BOX (self->metrics_box), GTK_WIDGET (self->metric_labels[index]));
    }
  return self->metric_labels[index];
}

static void
show_metrics (RwHistoryRow *self,
              RwCheckIn    *check_in)
{
  double sleep = rw_check_in_get_sleep_hours (check_in);
  guint shown = 0;

  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);
      g_autofree char *text = NULL;

      if (value == RW_METRIC_UNSET)
        continue;
      text = g_strdup_printf ("%s %d", rw_metric_get_label (i), value);
      gtk_label_set_label (metric_label (self, shown++), text);
    }

  if (sleep >= 0)
    {
      g_autofree char *hours = rw_format_sleep_hours (sleep);
      g_autofree char *text = g_strdup_printf (_("Slept %s h"), hours);

      gtk_label_set_label (metric_label (self, shown++), text);
    }

  if (shown == 0)
    gtk_label_set_label (metric_label (self, shown++), _("No values recorded"));

  for (guint i = 0; i < G_N_ELEMENTS (self->metric_labels); i++)
    if (self->metric_labels[i] != NULL)
      gtk_widget_set_visible (GTK_WIDGET (self->metric_labels[i]), i < shown);
}

/* Reuses the tag labels of the last check-in shown, so that scrolling
 * makes no widgets. */
static void
show_tags (RwHistoryRow       *self,
           const char * const *tags,
           const char         *search)
{
  GtkWidget *child = gtk_widget_get_first_child (self->tags_box);

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag_markup = rw_search_highlight_markup (tags[i], search);

      if (child == NULL)
        {
          child = gtk_label_new (NULL);
          gtk_widget_add_css_class (child, "tag-pill");
          rw_wrap_box_append (RW_WRAP_BOX (self->tags_box), child);
        }
      gtk_label_set_markup (GTK_LABEL (child), tag_markup);
      gtk_widget_set_visible (child, TRUE);
      child = gtk_widget_get_next_sibling (child);
    }
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_visible (child, FALSE);
  gtk_widget_set_visible (self->tags_box, tags[0] != NULL);
}

static void
bind_check_in (RwHistoryRow *self,
               RwCheckIn    *check_in,
               const char   *search)
{
  g_autofree char *metrics = describe_metrics (check_in);
  g_autofree char *summary = rw_check_in_dup_note_summary (check_in);
  g_autofree char *markup = rw_search_highlight_markup (summary, search);
  const char * const *tags = rw_check_in_get_tags (check_in);
  GVariant *target = g_variant_new_string (rw_check_in_get_id (check_in));
  g_autofree char *joined = g_strjoinv (", ", (char **) tags);

  ensure_entry (self);
  gtk_label_set_label (self->time_label, rw_check_in_get_time (check_in));
  show_metrics (self, check_in);
  gtk_label_set_markup (self->note_label, markup);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), *summary != '\0');
  show_tags (self, tags, search);

  g_variant_ref_sink (target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);

  set_summary (self, g_strdup_printf (_("%s, %s%s%s%s%s"),
                                      rw_check_in_get_time (check_in), metrics,
                                      *joined != '\0' ? _(", tags: ") : "", joined,
                                      *summary != '\0' ? _(", note: ") : "", summary));

  if (self->header_box != NULL)
    gtk_widget_set_visible (self->header_box, FALSE);
  gtk_widget_set_visible (self->entry_box, TRUE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "is-header");
}

/**
 * rw_history_row_bind:
 * @self: a #RwHistoryRow
 * @item: an #RwDayHeader or an #RwCheckIn
 * @today: today, YYYY-MM-DD, for "Today" and "Yesterday"
 * @search: (nullable): the search, whose matches are highlighted
 */
void
rw_history_row_bind (RwHistoryRow *self,
                     GObject      *item,
                     const char   *today,
                     const char   *search)
{
  g_return_if_fail (RW_IS_HISTORY_ROW (self));

  if (RW_IS_DAY_HEADER (item))
    bind_header (self, RW_DAY_HEADER (item), today);
  else if (RW_IS_CHECK_IN (item))
    bind_check_in (self, RW_CHECK_IN (item), search);
}

void
rw_history_row_unbind (RwHistoryRow *self)
{
  g_return_if_fail (RW_IS_HISTORY_ROW (self));

  /* The buttons keep their last target (an action with a string parameter
   * cannot go without one) and are hidden with the check-in part. */
  if (self->entry_box != NULL)
    gtk_widget_set_visible (self->entry_box, FALSE);
}

/**
 * rw_history_row_get_summary:
 * @self: a #RwHistoryRow
 *
 * Returns: (nullable): what the row says, as read by a screen reader
 */
const char *
rw_history_row_get_summary (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);
  return self->summary;
}
