/* rw-check-in-editor.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-check-in-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "rw-check-in-editor.h"

/**
 * RwCheckInEditor:
 *
 * The window for a new or an existing check-in. Everything is reachable
 * from the keyboard: Tab moves between fields, arrows move the sliders,
 * Ctrl+Enter saves and Escape cancels (asking first only when something
 * was typed). What is typed is kept as a draft in the journal, so it
 * survives closing the window or a crash.
 */
struct _RwCheckInEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkRevealer *restored_revealer;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkListBox *metrics_list;
  GtkListBox *sleep_list;
  GtkSpinButton *sleep_spin;
  GtkFlowBox *tag_box;
  GtkEntry *tag_entry;
  GtkLabel *tag_error_label;
  GtkTextView *note_view;
  GtkLabel *error_label;
  AdwPreferencesGroup *integration_group;
  GtkBox *integration_box;

  /* Owned */
  RwContext *context;
  RwJournal *journal;
  RwClock *clock;
  RwCheckIn *original;
  char *id;
  char *date;
  GPtrArray *tags;
  char *error;
  guint draft_timeout;
  RwSession *integration_session;   /* whose window holds the date, or NULL */
  guint integration_day;

  /* Not owned: rows built in code */
  GtkTextView *integration_views[RW_N_INTEGRATION_PROMPTS];
  GtkRange *ranges[RW_N_METRICS];
  GtkLabel *value_labels[RW_N_METRICS];

  guint loading : 1;
  guint dirty : 1;
  guint restored : 1;
  guint closing : 1;
  guint future_confirmed : 1;
};

G_DEFINE_FINAL_TYPE (RwCheckInEditor, rw_check_in_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CHECK_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DRAFT_DELAY_MS 400

static const struct {
  const char *low;
  const char *high;
} metric_ends[RW_N_METRICS] = {
  [RW_METRIC_MOOD] = { N_("0 very low"), N_("10 very good") },
  [RW_METRIC_ANXIETY] = { N_("0 none"), N_("10 severe") },
  [RW_METRIC_FOCUS] = { N_("0 scattered"), N_("10 sharp") },
  [RW_METRIC_HOPE] = { N_("0 none"), N_("10 a lot") },
  [RW_METRIC_ENERGY] = { N_("0 drained"), N_("10 full") },
  [RW_METRIC_SLEEP_QUALITY] = { N_("0 very poor"), N_("10 very good") },
};

static char *
draft_key (RwCheckInEditor *self)
{
  if (self->original == NULL)
    return g_strdup ("check-in-editor:new");
  return g_strdup_printf ("check-in-editor:%s", rw_check_in_get_id (self->original));
}

static void
update_date_label (RwCheckInEditor *self)
{
  guint32 day = rw_date_from_iso (self->date);
  g_autofree char *label = NULL;

  if (day != 0)
    label = rw_date_format_short (day, rw_clock_get_day (self->clock));
  gtk_menu_button_set_label (self->date_button, label != NULL ? label : self->date);
}

static void
select_calendar_day (RwCheckInEditor *self)
{
  guint32 day = rw_date_from_iso (self->date);
  g_autoptr(GDateTime) dt = day != 0 ? rw_date_to_date_time (day, 12, 0) : NULL;

  if (dt != NULL)
    gtk_calendar_select_day (self->calendar, dt);
}

/* Shows @time (HH:MM) in the spin buttons. */
static void
show_time (RwCheckInEditor *self,
           const char      *time)
{
  int hour = 0, minute = 0;

  rw_time_parse (time, &hour, &minute);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
}

static char *
dup_note (RwCheckInEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
get_metric (RwCheckInEditor *self,
            RwMetric         metric)
{
  int value = (int) lround (gtk_range_get_value (self->ranges[metric]));

  return value < 0 ? RW_METRIC_UNSET : value;
}

static double
get_sleep (RwCheckInEditor *self)
{
  double value = gtk_spin_button_get_value (self->sleep_spin);

  return value < 0 ? RW_SLEEP_UNSET : round (value * 4) / 4;
}

/**
 * rw_check_in_editor_dup_check_in:
 * @self: a #RwCheckInEditor
 *
 * Returns: (transfer full): a check-in holding what the fields show now
 */
RwCheckIn *
rw_check_in_editor_dup_check_in (RwCheckInEditor *self)
{
  RwCheckIn *check_in;
  g_autofree char *note = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);

  check_in = self->original != NULL ? rw_check_in_copy (self->original) : rw_check_in_new ();
  if (self->id != NULL)
    rw_check_in_set_id (check_in, self->id);

  time = g_strdup_printf ("%02d:%02d",
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
  rw_check_in_set_date (check_in, self->date);
  rw_check_in_set_time (check_in, time);
  for (guint i = 0; i < RW_N_METRICS; i++)
    rw_check_in_set_metric (check_in, i, get_metric (self, i));
  rw_check_in_set_sleep_hours (check_in, get_sleep (self));
  g_ptr_array_add (self->tags, NULL);
  rw_check_in_set_tags (check_in, (const char * const *) self->tags->pdata);
  g_ptr_array_remove_index (self->tags, self->tags->len - 1);
  note = dup_note (self);
  rw_check_in_set_note (check_in, note);

  return check_in;
}

static void
set_error (RwCheckInEditor *self,
           const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static gboolean
validate (RwCheckInEditor *self)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_editor_dup_check_in (self);
  g_autoptr(GError) error = NULL;
  gboolean valid = rw_validate_check_in (check_in, &error);

  set_error (self, valid ? NULL : error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  return valid;
}

static char *
serialize_draft (RwCheckInEditor *self)
{
  g_autoptr(RwCheckIn) check_in = rw_check_in_editor_dup_check_in (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *tags = rw_check_in_get_tags (check_in);
  g_autofree char *typed_tag = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, rw_check_in_get_date (check_in));
  json_builder_set_member_name (builder, "time");
  json_builder_add_string_value (builder, rw_check_in_get_time (check_in));
  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      json_builder_set_member_name (builder, rw_metric_get_column (i));
      json_builder_add_int_value (builder, rw_check_in_get_metric (check_in, i));
    }
  json_builder_set_member_name (builder, "sleep_hours");
  json_builder_add_double_value (builder, rw_check_in_get_sleep_hours (check_in));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "typed_tag");
  json_builder_add_string_value (builder, typed_tag);
  json_builder_set_member_name (builder, "note");
  json_builder_add_string_value (builder, rw_check_in_get_note (check_in));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * rw_check_in_editor_save_draft_now:
 * @self: a #RwCheckInEditor
 *
 * Keeps what is typed in the journal at once (it is also kept a moment
 * after each change).
 */
void
rw_check_in_editor_save_draft_now (RwCheckInEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *payload = NULL;

  g_return_if_fail (RW_IS_CHECK_IN_EDITOR (self));

  if (self->draft_timeout != 0)
    {
      rw_clock_remove_timeout (self->clock, self->draft_timeout);
      self->draft_timeout = 0;
    }

  if (!self->dirty || self->journal == NULL)
    return;

  key = draft_key (self);
  payload = serialize_draft (self);
  if (!rw_journal_save_draft (self->journal, key, payload, &error))
    g_message ("Could not keep the draft: %s", error->message);
}

static gboolean
draft_timeout_cb (gpointer user_data)
{
  RwCheckInEditor *self = user_data;

  self->draft_timeout = 0;
  rw_check_in_editor_save_draft_now (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed_cb (RwCheckInEditor *self)
{
  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value;
      g_autofree char *text = NULL;

      if (self->ranges[i] == NULL)
        continue;
      value = get_metric (self, i);
      text = value == RW_METRIC_UNSET ? g_strdup (_("Not set")) : g_strdup_printf ("%d", value);
      gtk_label_set_label (self->value_labels[i], text);
      /* A screen reader says "Not set" too, not the slider's -1. */
      if (value == RW_METRIC_UNSET)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->ranges[i]), "unset");
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->ranges[i]),
                                          GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->ranges[i]), "unset");
          gtk_accessible_reset_property (GTK_ACCESSIBLE (self->ranges[i]),
                                         GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
        }
    }

  if (self->loading)
    return;

  self->dirty = TRUE;
  validate (self);

  if (self->draft_timeout != 0)
    rw_clock_remove_timeout (self->clock, self->draft_timeout);
  self->draft_timeout = rw_clock_add_timeout (self->clock, DRAFT_DELAY_MS, draft_timeout_cb,
                                              self, NULL);
}

static void update_integration (RwCheckInEditor *self);

static void
calendar_day_selected_cb (RwCheckInEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = rw_date_to_iso (rw_date_from_date_time (dt));

  if (g_strcmp0 (date, self->date) == 0)
    return;

  g_free (self->date);
  self->date = g_steal_pointer (&date);
  self->future_confirmed = FALSE;
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
  update_integration (self);
  field_changed_cb (self);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static gboolean
sleep_output_cb (RwCheckInEditor *self,
                 GtkSpinButton   *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autofree char *text = NULL;

  text = value < 0 ? g_strdup (_("not set")) : rw_format_sleep_hours (round (value * 4) / 4);
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
sleep_input_cb (RwCheckInEditor *self,
                double          *new_value,
                GtkSpinButton   *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  g_autoptr(GError) error = NULL;
  double hours;

  if (text == NULL || *text == '\0' || g_str_equal (text, _("not set")))
    {
      *new_value = -0.25;
      return TRUE;
    }

  if (!rw_parse_sleep_hours (text, &hours, &error))
    {
      set_error (self, error->message);
      return GTK_INPUT_ERROR;
    }

  *new_value = hours < 0 ? -0.25 : hours;
  return TRUE;
}

static void
remove_tag_clicked_cb (GtkButton *button,
                       gpointer   user_data)
{
  RwCheckInEditor *self = RW_CHECK_IN_EDITOR (gtk_widget_get_root (GTK_WIDGET (button)));
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");
  GtkWidget *chip = gtk_widget_get_parent (GTK_WIDGET (button));

  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      {
        g_ptr_array_remove_index (self->tags, i);
        break;
      }

  gtk_flow_box_remove (self->tag_box, gtk_widget_get_parent (chip));
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
  field_changed_cb (self);
}

static void
add_chip (RwCheckInEditor *self,
          const char      *tag)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), tag);

  gtk_widget_add_css_class (chip, "tag-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (tag), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_tag_clicked_cb), NULL);

  gtk_box_append (GTK_BOX (chip), label);
  gtk_box_append (GTK_BOX (chip), button);
  gtk_flow_box_append (self->tag_box, chip);
}

static gboolean
has_tag (RwCheckInEditor *self,
         const char      *tag)
{
  g_autofree char *folded = g_utf8_casefold (tag, -1);

  for (guint i = 0; i < self->tags->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->tags, i), -1);

      if (g_str_equal (folded, other))
        return TRUE;
    }
  return FALSE;
}

static gboolean
add_tag (RwCheckInEditor *self,
         const char      *text)
{
  g_autofree char *tag = rw_normalize_tag (text);
  g_autoptr(GError) error = NULL;

  if (*tag == '\0')
    return TRUE;

  if (!rw_validate_tag (tag, &error))
    {
      gtk_label_set_label (self->tag_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->tag_error_label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->tag_entry), "error");
      return FALSE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->tag_error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->tag_entry), "error");
  if (has_tag (self, tag))
    return TRUE;

  g_ptr_array_add (self->tags, g_strdup (tag));
  add_chip (self, tag);
  return TRUE;
}

static void
commit_typed_tag (RwCheckInEditor *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)));

  if (add_tag (self, text))
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  field_changed_cb (self);
}

static void
tag_entry_activate_cb (RwCheckInEditor *self)
{
  commit_typed_tag (self);
}

static void
tag_entry_icon_release_cb (RwCheckInEditor *self)
{
  commit_typed_tag (self);
}

static void
tag_entry_changed_cb (RwCheckInEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->tag_entry));
  const char *comma = strrchr (text, ',');

  if (self->loading)
    return;

  /* A comma ends a tag, as in the command line's --tags a,b. */
  if (comma != NULL)
    {
      g_autofree char *before = g_strndup (text, comma - text);
      g_autofree char *after = g_strdup (comma + 1);
      g_auto(GStrv) pieces = g_strsplit (before, ",", -1);
      gboolean ok = TRUE;

      for (guint i = 0; pieces[i] != NULL; i++)
        ok &= add_tag (self, pieces[i]);
      if (ok)
        gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), after);
    }
  else if (gtk_widget_get_visible (GTK_WIDGET (self->tag_error_label)))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *tag = rw_normalize_tag (text);

      if (*tag == '\0' || rw_validate_tag (tag, &error))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->tag_error_label), FALSE);
          gtk_widget_remove_css_class (GTK_WIDGET (self->tag_entry), "error");
        }
    }

  field_changed_cb (self);
}

static void
setup_tag_completion (RwCheckInEditor *self)
{
  g_autoptr(GtkEntryCompletion) completion = gtk_entry_completion_new ();
  g_autoptr(GtkListStore) list = gtk_list_store_new (1, G_TYPE_STRING);
  GListModel *tags = G_LIST_MODEL (rw_journal_get_tags (self->journal));
  guint n = g_list_model_get_n_items (tags);

  /* Most used first, as the journal's tag list keeps them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RwTag) tag = g_list_model_get_item (tags, i);

      gtk_list_store_insert_with_values (list, NULL, -1, 0, rw_tag_get_name (tag), -1);
    }

  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (list));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_completion_set_inline_selection (completion, TRUE);
  gtk_entry_set_completion (self->tag_entry, completion);
}

/* A scale not set yet sits at the far left: its first arrow key (or
 * Page Up/Down) puts it in the middle, where most answers start, rather
 * than at 0, five presses from there. */
static void
move_slider_cb (GtkRange      *range,
                GtkScrollType  scroll,
                gpointer       user_data)
{
  if (gtk_range_get_value (range) >= 0)
    return;

  switch (scroll)
    {
    case GTK_SCROLL_STEP_BACKWARD:
    case GTK_SCROLL_STEP_FORWARD:
    case GTK_SCROLL_STEP_UP:
    case GTK_SCROLL_STEP_DOWN:
    case GTK_SCROLL_STEP_LEFT:
    case GTK_SCROLL_STEP_RIGHT:
    case GTK_SCROLL_PAGE_BACKWARD:
    case GTK_SCROLL_PAGE_FORWARD:
    case GTK_SCROLL_PAGE_UP:
    case GTK_SCROLL_PAGE_DOWN:
    case GTK_SCROLL_PAGE_LEFT:
    case GTK_SCROLL_PAGE_RIGHT:
      g_signal_stop_emission_by_name (range, "move-slider");
      gtk_range_set_value (range, 5);
      break;
    default:
      break;
    }
}

static void
build_metric_row (RwCheckInEditor *self,
                  GtkListBox      *list,
                  RwMetric         metric)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (rw_metric_get_label (metric));
  GtkWidget *value = gtk_label_new (_("Not set"));
  GtkWidget *scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, -1, 10, 1);
  g_autofree char *accessible = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 4);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (value, "dim-label");
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), value);

  gtk_scale_set_draw_value (GTK_SCALE (scale), FALSE);
  gtk_range_set_round_digits (GTK_RANGE (scale), 0);
  gtk_range_set_increments (GTK_RANGE (scale), 1, 1);
  gtk_range_set_value (GTK_RANGE (scale), -1);
  gtk_scale_add_mark (GTK_SCALE (scale), -1, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 0, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 5, GTK_POS_BOTTOM, NULL);
  gtk_scale_add_mark (GTK_SCALE (scale), 10, GTK_POS_BOTTOM, NULL);
  gtk_widget_add_css_class (scale, "metric-scale");
  gtk_widget_add_css_class (scale, "unset");
  accessible = g_strdup_printf (_("%s, from %s to %s, or not set at the far left"),
                                rw_metric_get_label (metric),
                                g_dgettext (GETTEXT_PACKAGE, metric_ends[metric].low),
                                g_dgettext (GETTEXT_PACKAGE, metric_ends[metric].high));
  gtk_accessible_update_property (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (scale),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  g_signal_connect_swapped (scale, "value-changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (scale, "move-slider", G_CALLBACK (move_slider_cb), NULL);

  /* The meaning of both ends, under the scale: labels on the marks
   * themselves would stick out past the ends of the scale. */
  {
    GtkWidget *ends = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *low = gtk_label_new (g_dgettext (GETTEXT_PACKAGE, metric_ends[metric].low));
    GtkWidget *high = gtk_label_new (g_dgettext (GETTEXT_PACKAGE, metric_ends[metric].high));

    gtk_label_set_xalign (GTK_LABEL (low), 0);
    gtk_label_set_xalign (GTK_LABEL (high), 1);
    gtk_widget_set_hexpand (low, TRUE);
    gtk_widget_set_margin_start (low, 8);
    gtk_widget_set_margin_end (high, 4);
    gtk_widget_add_css_class (low, "scale-end");
    gtk_widget_add_css_class (high, "scale-end");
    gtk_widget_add_css_class (low, "dim-label");
    gtk_widget_add_css_class (high, "dim-label");
    gtk_box_append (GTK_BOX (ends), low);
    gtk_box_append (GTK_BOX (ends), high);

    gtk_box_append (GTK_BOX (box), top);
    gtk_box_append (GTK_BOX (box), scale);
    gtk_box_append (GTK_BOX (box), ends);
  }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (list, row);

  self->ranges[metric] = GTK_RANGE (scale);
  self->value_labels[metric] = GTK_LABEL (value);
}

static void
fill_from (RwCheckInEditor *self,
           RwCheckIn       *check_in)
{
  const char *time = rw_check_in_get_time (check_in);
  const char * const *tags = rw_check_in_get_tags (check_in);
  double sleep = rw_check_in_get_sleep_hours (check_in);

  g_free (self->date);
  self->date = g_strdup (rw_check_in_get_date (check_in));
  update_date_label (self);
  select_calendar_day (self);

  show_time (self, time);
  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);
      gtk_range_set_value (self->ranges[i], value == RW_METRIC_UNSET ? -1 : value);
    }
  gtk_spin_button_set_value (self->sleep_spin, sleep < 0 ? -0.25 : sleep);

  g_ptr_array_set_size (self->tags, 0);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_box))) != NULL)
      gtk_flow_box_remove (self->tag_box, child);
  }
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_ptr_array_add (self->tags, g_strdup (tags[i]));
      add_chip (self, tags[i]);
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            rw_check_in_get_note (check_in), -1);
}

static gboolean
restore_draft (RwCheckInEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = draft_key (self);
  g_autofree char *payload = rw_journal_load_draft (self->journal, key, &error);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(RwCheckIn) check_in = NULL;
  JsonObject *object;
  JsonArray *tags;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (payload == NULL)
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, payload, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_message ("Ignoring a damaged draft: %s", error != NULL ? error->message : "not an object");
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));

  check_in = rw_check_in_editor_dup_check_in (self);
  rw_check_in_set_date (check_in, json_object_get_string_member_with_default (object, "date",
                                                                              self->date));
  rw_check_in_set_time (check_in, json_object_get_string_member_with_default (object, "time",
                                                                              "00:00"));
  for (guint i = 0; i < RW_N_METRICS; i++)
    rw_check_in_set_metric (check_in, i,
                            json_object_get_int_member_with_default (object, rw_metric_get_column (i),
                                                                     RW_METRIC_UNSET));
  rw_check_in_set_sleep_hours (check_in,
                               json_object_get_double_member_with_default (object, "sleep_hours",
                                                                           RW_SLEEP_UNSET));
  if (json_object_has_member (object, "tags") &&
      (tags = json_object_get_array_member (object, "tags")) != NULL)
    for (guint i = 0; i < json_array_get_length (tags); i++)
      {
        const char *tag = json_array_get_string_element (tags, i);
        if (tag != NULL)
          g_strv_builder_add (builder, tag);
      }
  strv = g_strv_builder_end (builder);
  rw_check_in_set_tags (check_in, (const char * const *) strv);
  rw_check_in_set_note (check_in, json_object_get_string_member_with_default (object, "note", ""));

  fill_from (self, check_in);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry),
                         json_object_get_string_member_with_default (object, "typed_tag", ""));
  return TRUE;
}

static void
really_close (RwCheckInEditor *self)
{
  self->closing = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
discard_draft (RwCheckInEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = draft_key (self);

  if (self->draft_timeout != 0)
    {
      rw_clock_remove_timeout (self->clock, self->draft_timeout);
      self->draft_timeout = 0;
    }
  if (!rw_journal_clear_draft (self->journal, key, &error))
    g_message ("Could not clear the draft: %s", error->message);
}

static void future_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                RwCheckInEditor  *self);

/* A date after today is most likely a slip of the calendar: ask once
 * before saving it (an edit that keeps its date does not ask again). */
static gboolean
confirm_future_date (RwCheckInEditor *self)
{
  guint32 day = rw_date_from_iso (self->date);
  guint32 today = rw_clock_get_day (self->clock);
  AdwMessageDialog *dialog;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;

  if (self->future_confirmed || day == 0 || day <= today)
    return TRUE;
  if (self->original != NULL && g_strcmp0 (rw_check_in_get_date (self->original), self->date) == 0)
    return TRUE;

  when = rw_date_format_friendly (day, today);
  /* TRANSLATORS: %s is a date, "Friday 27 November" */
  body = g_strdup_printf (_("This check-in is dated %s, a day that has not come yet. "
                            "It will be listed above today’s."), when);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Save a Check-in for a Future Date?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (future_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean validate_integration (RwCheckInEditor *self);
static void save_integration (RwCheckInEditor *self);

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwCheckInEditor *self = RW_CHECK_IN_EDITOR (widget);
  g_autoptr(RwCheckIn) check_in = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* A tag still in the entry is meant to be saved too. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)) != '\0')
    {
      g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry)));

      if (!add_tag (self, text))
        return;
      gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
    }

  if (!validate (self))
    return;

  if (!confirm_future_date (self))
    return;

  if (!validate_integration (self))
    return;

  check_in = rw_check_in_editor_dup_check_in (self);
  if (self->original == NULL)
    ok = rw_journal_add (self->journal, check_in, &error);
  else
    ok = rw_journal_update (self->journal, check_in, &error);

  if (!ok)
    {
      /* The draft stays, so nothing typed is lost. */
      set_error (self, error->message);
      self->dirty = TRUE;
      rw_check_in_editor_save_draft_now (self);
      return;
    }

  discard_draft (self);
  self->dirty = FALSE;
  save_integration (self);
  g_signal_emit (self, signals[SAVED], 0, check_in);
  /* Only now that it is saved: the window shows the offer, if any, on
   * its own (RwJournal::help-offered) while this editor closes. */
  rw_journal_offer_help (self->journal, RW_SAFETY_SOURCE_EDITOR, check_in,
                         rw_clock_get_day (self->clock));
  really_close (self);
}

static char *
dup_integration (RwCheckInEditor     *self,
                 RwIntegrationPrompt  prompt)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->integration_views[prompt]);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The integration prompt: shown when the check-in's day is one of the
 * three after a session marked done, with what was written that day. */
static void
update_integration (RwCheckInEditor *self)
{
  g_autoptr(RwSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *description = NULL;
  guint32 date = rw_date_from_iso (self->date);
  guint day = 0;

  if (date != 0)
    session = rw_journal_find_integration_session (self->journal, date, &day, &error);
  if (error != NULL)
    g_debug ("Could not look for a session before %s: %s", self->date, error->message);
  if (session != NULL && !rw_session_get_done (session))
    g_clear_object (&session);

  if (session != NULL && self->integration_session != NULL && day == self->integration_day &&
      g_strcmp0 (rw_session_get_id (session), rw_session_get_id (self->integration_session)) == 0)
    return;

  g_clear_object (&self->integration_session);
  gtk_widget_set_visible (GTK_WIDGET (self->integration_group), session != NULL);
  if (session == NULL)
    return;

  self->integration_session = g_object_ref (session);
  self->integration_day = day;
  /* Translators: a day as a strftime() format; keep "%-d" */
  when = rw_date_format (rw_date_from_iso (rw_session_get_date (session)), _("%A %-d %B"));
  /* Translators: the day after a session (1 to 3), and the session's day */
  description = g_strdup_printf (_("Day %u after your session of %s. Write as much or as "
                                   "little as you like; it is kept with the session."),
                                 day, when);
  adw_preferences_group_set_description (self->integration_group, description);
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->integration_views[p]),
                              rw_session_get_integration (session, day, p), -1);
}

static gboolean
validate_integration (RwCheckInEditor *self)
{
  if (self->integration_session == NULL)
    return TRUE;

  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    {
      g_autofree char *text = dup_integration (self, p);
      g_autoptr(GError) error = NULL;

      if (!rw_session_validate_integration (text, &error))
        {
          set_error (self, error->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Once the check-in is saved: the answers go to the session (and the
 * journal search), when any was written or changed. */
static void
save_integration (RwCheckInEditor *self)
{
  char *answers[RW_N_INTEGRATION_PROMPTS] = { NULL };
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;

  if (self->integration_session == NULL)
    return;

  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    {
      answers[p] = dup_integration (self, p);
      changed |= g_strcmp0 (answers[p], rw_session_get_integration (self->integration_session,
                                                                     self->integration_day, p)) != 0;
    }
  if (changed &&
      !rw_journal_save_integration (self->journal, rw_session_get_id (self->integration_session),
                                    self->integration_day, answers[0], answers[1], answers[2],
                                    &error))
    g_warning ("Could not keep the integration answers: %s", error->message);
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    g_clear_pointer (&answers[p], g_free);
}

static void
build_integration_prompts (RwCheckInEditor *self)
{
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    {
      GtkWidget *label = gtk_label_new (rw_integration_prompt_get_label (p));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkEventController *shortcuts = gtk_shortcut_controller_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, p > 0 ? 6 : 0);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
      gtk_widget_set_size_request (view, -1, 60);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rw_integration_prompt_get_label (p), -1);
      /* Before the text view's own Enter, as in the note. */
      gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                            gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                              gtk_named_action_new ("editor.save")));
      gtk_widget_add_controller (view, shortcuts);
      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_widget_add_css_class (frame, "view");
      gtk_widget_add_css_class (frame, "note-frame");
      gtk_box_append (self->integration_box, label);
      gtk_box_append (self->integration_box, frame);
      self->integration_views[p] = GTK_TEXT_VIEW (view);
    }
}

/**
 * rw_check_in_editor_get_integration_buffer:
 * @self: a #RwCheckInEditor
 * @prompt: which prompt
 *
 * Returns: (nullable) (transfer none): the answer to @prompt, or %NULL
 *   when the editor offers no integration prompt (its day is not one of
 *   the three after a session marked done)
 */
GtkTextBuffer *
rw_check_in_editor_get_integration_buffer (RwCheckInEditor     *self,
                                           RwIntegrationPrompt  prompt)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  g_return_val_if_fail (prompt < RW_N_INTEGRATION_PROMPTS, NULL);

  if (self->integration_session == NULL)
    return NULL;
  return gtk_text_view_get_buffer (self->integration_views[prompt]);
}

static gboolean
save_idle_cb (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "editor.save", NULL);
  return G_SOURCE_REMOVE;
}

static void
future_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    RwCheckInEditor  *self)
{
  if (g_strcmp0 (response, "save") != 0)
    return;

  self->future_confirmed = TRUE;
  /* Let the dialog finish its own response before the editor closes. */
  g_idle_add_full (G_PRIORITY_DEFAULT, save_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  really_close (user_data);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RwCheckInEditor  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  discard_draft (self);
  self->dirty = FALSE;
  /* Let the dialog finish its own response before its parent goes. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwCheckInEditor *self = RW_CHECK_IN_EDITOR (widget);
  AdwMessageDialog *dialog;

  if (!self->dirty && !self->restored)
    {
      really_close (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard This Check-in?"),
                                                       _("What you typed will be lost.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
rw_check_in_editor_close_request (GtkWindow *window)
{
  RwCheckInEditor *self = RW_CHECK_IN_EDITOR (window);

  /* Closed by the window manager or with the main window: keep the draft. */
  if (!self->closing)
    rw_check_in_editor_save_draft_now (self);

  return GTK_WINDOW_CLASS (rw_check_in_editor_parent_class)->close_request (window);
}

static void
rw_check_in_editor_dispose (GObject *object)
{
  RwCheckInEditor *self = (RwCheckInEditor *)object;

  if (self->draft_timeout != 0 && self->clock != NULL)
    {
      rw_check_in_editor_save_draft_now (self);
      rw_clock_remove_timeout (self->clock, self->draft_timeout);
      self->draft_timeout = 0;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_CHECK_IN_EDITOR);

  g_clear_object (&self->journal);
  g_clear_object (&self->context);
  g_clear_object (&self->clock);
  g_clear_object (&self->original);
  g_clear_object (&self->integration_session);

  G_OBJECT_CLASS (rw_check_in_editor_parent_class)->dispose (object);
}

static void
rw_check_in_editor_finalize (GObject *object)
{
  RwCheckInEditor *self = (RwCheckInEditor *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rw_check_in_editor_parent_class)->finalize (object);
}

static void
rw_check_in_editor_constructed (GObject *object)
{
  RwCheckInEditor *self = (RwCheckInEditor *)object;

  G_OBJECT_CLASS (rw_check_in_editor_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->journal = g_object_ref (rw_context_get_journal (self->context));
  self->clock = g_object_ref (rw_context_get_clock (self->context));

  if (self->original != NULL)
    {
      self->id = g_strdup (rw_check_in_get_id (self->original));
      adw_window_title_set_title (self->window_title, _("Edit Check-in"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Check-in"));
      fill_from (self, self->original);
    }
  else
    {
      g_autoptr(RwCheckIn) fresh = rw_check_in_new ();
      g_autoptr(GDateTime) now = rw_clock_dup_now_local (self->clock);

      rw_check_in_set_date_time (fresh, now);
      adw_window_title_set_title (self->window_title, _("New Check-in"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Check-in"));
      fill_from (self, fresh);
    }

  setup_tag_completion (self);
  update_integration (self);

  self->restored = restore_draft (self);
  gtk_revealer_set_reveal_child (self->restored_revealer, self->restored);

  self->loading = FALSE;
  field_changed_cb (self);
  self->dirty = self->restored;
  validate (self);

  /* Where a person starts: how they feel, not the Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->ranges[RW_METRIC_MOOD]));
}

static void
rw_check_in_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RwCheckInEditor *self = RW_CHECK_IN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_CHECK_IN:
      g_value_set_object (value, self->original);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_check_in_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RwCheckInEditor *self = RW_CHECK_IN_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_CHECK_IN:
      {
        RwCheckIn *check_in = g_value_get_object (value);

        self->original = check_in != NULL ? rw_check_in_copy (check_in) : NULL;
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_check_in_editor_class_init (RwCheckInEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rw_check_in_editor_constructed;
  object_class->dispose = rw_check_in_editor_dispose;
  object_class->finalize = rw_check_in_editor_finalize;
  object_class->get_property = rw_check_in_editor_get_property;
  object_class->set_property = rw_check_in_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwCheckInEditor:check-in:
   *
   * The check-in being edited (a copy), or %NULL for a new one.
   */
  properties[PROP_CHECK_IN] =
    g_param_spec_object ("check-in", NULL, NULL, RW_TYPE_CHECK_IN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = rw_check_in_editor_close_request;

  /**
   * RwCheckInEditor::saved:
   * @check_in: the check-in as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, RW_TYPE_CHECK_IN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-check-in-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, restored_revealer);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, metrics_list);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, sleep_list);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, sleep_spin);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, tag_box);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, tag_error_label);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, integration_group);
  gtk_widget_class_bind_template_child (widget_class, RwCheckInEditor, integration_box);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, sleep_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, sleep_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_icon_release_cb);
  gtk_widget_class_bind_template_callback (widget_class, tag_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
rw_check_in_editor_init (RwCheckInEditor *self)
{
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < RW_N_METRICS; i++)
    if (i != RW_METRIC_SLEEP_QUALITY)
      build_metric_row (self, self->metrics_list, i);
  build_metric_row (self, self->sleep_list, RW_METRIC_SLEEP_QUALITY);
  build_integration_prompts (self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
}

/**
 * rw_check_in_editor_new:
 * @parent: (nullable): the window it belongs to
 * @context: the journal to save in and the clock for "now" and drafts
 * @check_in: (nullable): the check-in to edit, or %NULL for a new one
 *
 * Returns: (transfer full): a new editor; present it
 */
RwCheckInEditor *
rw_check_in_editor_new (GtkWindow *parent,
                        RwContext *context,
                        RwCheckIn *check_in)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (check_in == NULL || RW_IS_CHECK_IN (check_in), NULL);

  return g_object_new (RW_TYPE_CHECK_IN_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "check-in", check_in,
                       NULL);
}

gboolean
rw_check_in_editor_get_is_new (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), FALSE);
  return self->original == NULL;
}

gboolean
rw_check_in_editor_get_dirty (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), FALSE);
  return self->dirty;
}

gboolean
rw_check_in_editor_get_restored (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), FALSE);
  return self->restored;
}

GtkRange *
rw_check_in_editor_get_metric_range (RwCheckInEditor *self,
                                     RwMetric         metric)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  g_return_val_if_fail (metric < RW_N_METRICS, NULL);
  return self->ranges[metric];
}

GtkSpinButton *
rw_check_in_editor_get_sleep_spin (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  return self->sleep_spin;
}

GtkEditable *
rw_check_in_editor_get_tag_entry (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  return GTK_EDITABLE (self->tag_entry);
}

GtkTextBuffer *
rw_check_in_editor_get_note_buffer (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (self->note_view);
}

void
rw_check_in_editor_set_date (RwCheckInEditor *self,
                             const char      *date)
{
  g_return_if_fail (RW_IS_CHECK_IN_EDITOR (self));
  g_return_if_fail (date != NULL);

  g_free (self->date);
  self->date = g_strdup (date);
  self->future_confirmed = FALSE;
  update_date_label (self);
  select_calendar_day (self);
  update_integration (self);
  field_changed_cb (self);
}

void
rw_check_in_editor_set_time (RwCheckInEditor *self,
                             const char      *time)
{
  g_return_if_fail (RW_IS_CHECK_IN_EDITOR (self));
  g_return_if_fail (time != NULL && strlen (time) == 5);

  show_time (self, time);
}

/**
 * rw_check_in_editor_get_error:
 * @self: a #RwCheckInEditor
 *
 * Returns: (nullable): why the check-in cannot be saved now, as shown
 */
const char *
rw_check_in_editor_get_error (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  return self->error;
}

GtkWidget *
rw_check_in_editor_get_save_button (RwCheckInEditor *self)
{
  g_return_val_if_fail (RW_IS_CHECK_IN_EDITOR (self), NULL);
  return self->save_button;
}
