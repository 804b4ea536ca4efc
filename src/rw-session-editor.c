/* rw-session-editor.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-session-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-session-editor.h"

/**
 * RwSessionEditor:
 *
 * The window for a treatment session: all of it (from the session log),
 * or only the part before it (the intention and the checklist) or after
 * it (ratings, side effects, notes) from the Today card. Ctrl+Enter or
 * Ctrl+S saves, Escape cancels (asking first when something was typed).
 * Rewire suggests and checks no dose: the dose is free text.
 */
struct _RwSessionEditor
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkLabel *error_label;
  GtkWidget *when_group;
  GtkMenuButton *date_button;
  GtkCalendar *calendar;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkWidget *treatment_group;
  AdwComboRow *route_row;
  AdwComboRow *phase_row;
  AdwEntryRow *provider_row;
  AdwEntryRow *dose_row;
  GtkWidget *before_group;
  GtkTextView *intention_view;
  GtkListBox *checklist_list;
  AdwEntryRow *add_item_row;
  AdwEntryRow *bp_before_row;
  AdwEntryRow *hr_before_row;
  GtkWidget *after_group;
  GtkSwitch *done_switch;
  AdwComboRow *intensity_row;
  AdwComboRow *detached_row;
  AdwEntryRow *bp_after_row;
  AdwEntryRow *hr_after_row;
  GtkWidget *side_effects_group;
  GtkListBox *side_effects_list;
  AdwEntryRow *other_row;
  GtkWidget *note_group;
  GtkTextView *note_view;

  /* Owned */
  RwContext *context;
  RwSession *original;
  char *date;
  char *error;
  RwSessionEditorPart part;

  /* Not owned: rows built in code */
  GtkCheckButton *side_effects[RW_N_SIDE_EFFECTS];

  guint loading : 1;
  guint dirty : 1;
};

G_DEFINE_FINAL_TYPE (RwSessionEditor, rw_session_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SESSION,
  PROP_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RwClock *
get_clock (RwSessionEditor *self)
{
  return rw_context_get_clock (self->context);
}

static void
field_changed_cb (RwSessionEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
update_date_label (RwSessionEditor *self)
{
  guint32 day = rw_date_from_iso (self->date);
  g_autofree char *label = NULL;

  if (day != 0)
    label = rw_date_format_short (day, rw_clock_get_day (get_clock (self)));
  gtk_menu_button_set_label (self->date_button, label != NULL ? label : self->date);
}

static void
select_calendar_day (RwSessionEditor *self)
{
  guint32 day = rw_date_from_iso (self->date);
  g_autoptr(GDateTime) dt = day != 0 ? rw_date_to_date_time (day, 12, 0) : NULL;

  if (dt != NULL)
    gtk_calendar_select_day (self->calendar, dt);
}

static void
calendar_day_selected_cb (RwSessionEditor *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = rw_date_to_iso (rw_date_from_date_time (dt));

  if (g_strcmp0 (date, self->date) == 0)
    return;

  g_free (self->date);
  self->date = g_steal_pointer (&date);
  update_date_label (self);
  gtk_menu_button_popdown (self->date_button);
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

static char *
dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
remove_item_clicked_cb (GtkButton       *button,
                        RwSessionEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  gtk_list_box_remove (self->checklist_list, row);
  field_changed_cb (self);
}

/* The tick and the remove button are named after the item's words. */
static void
name_item (GtkWidget  *check,
           GtkWidget  *remove,
           const char *label)
{
  g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), label);
  g_autofree char *tick_label = g_strdup_printf (_("Done: %s"), label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tick_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
}

static void
item_renamed_cb (GtkEditable     *entry,
                 RwSessionEditor *self)
{
  GtkWidget *check = gtk_widget_get_prev_sibling (GTK_WIDGET (entry));
  GtkWidget *remove = gtk_widget_get_next_sibling (GTK_WIDGET (entry));

  name_item (check, remove, gtk_editable_get_text (entry));
  field_changed_cb (self);
}

/* One checklist item: ticked or not, its words editable, removable. */
static void
append_item (RwSessionEditor *self,
             const char      *label,
             gboolean         checked)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), checked);
  gtk_editable_set_text (GTK_EDITABLE (entry), label);
  gtk_entry_set_has_frame (GTK_ENTRY (entry), FALSE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Checklist item"), -1);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove item"));
  name_item (check, remove, label);
  g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "changed", G_CALLBACK (item_renamed_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_item_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->checklist_list, row);
}

static void
add_item_cb (RwSessionEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_item_row))));

  if (*text == '\0')
    return;
  append_item (self, text, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->add_item_row), "");
  field_changed_cb (self);
}

static GtkStringList *
new_rating_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Not rated"));
  for (int i = RW_SESSION_RATING_MIN; i <= RW_SESSION_RATING_MAX; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i);

      gtk_string_list_append (list, text);
    }
  return list;
}

static void
set_rating (AdwComboRow *row,
            int          value)
{
  adw_combo_row_set_selected (row, value < 0 ? 0 : (guint) value + 1);
}

static int
get_rating (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? RW_SESSION_UNSET : (int) selected - 1;
}

static void
show_blood_pressure (AdwEntryRow    *row,
                     RwSession      *session,
                     RwSessionVital  systolic,
                     RwSessionVital  diastolic)
{
  int high = rw_session_get_vital (session, systolic);
  int low = rw_session_get_vital (session, diastolic);
  g_autofree char *text = NULL;

  if (high != RW_SESSION_UNSET && low != RW_SESSION_UNSET)
    text = g_strdup_printf ("%d/%d", high, low);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
show_heart_rate (AdwEntryRow    *row,
                 RwSession      *session,
                 RwSessionVital  vital)
{
  int value = rw_session_get_vital (session, vital);
  g_autofree char *text = value != RW_SESSION_UNSET ? g_strdup_printf ("%d", value) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
fill_from (RwSessionEditor *self,
           RwSession       *session)
{
  int hour = 9, minute = 0;
  RwSideEffects effects = rw_session_get_side_effects (session);
  GtkWidget *child;

  g_free (self->date);
  self->date = g_strdup (rw_session_get_date (session));
  update_date_label (self);
  select_calendar_day (self);
  if (rw_session_get_time (session) != NULL)
    rw_time_parse (rw_session_get_time (session), &hour, &minute);
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);

  adw_combo_row_set_selected (self->route_row, rw_session_get_route (session));
  adw_combo_row_set_selected (self->phase_row, rw_session_get_phase (session));
  gtk_editable_set_text (GTK_EDITABLE (self->provider_row), rw_session_get_provider (session));
  gtk_editable_set_text (GTK_EDITABLE (self->dose_row), rw_session_get_dose (session));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->intention_view),
                            rw_session_get_intention (session), -1);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list))) != NULL)
    gtk_list_box_remove (self->checklist_list, child);
  for (guint i = 0; i < rw_session_get_n_checklist (session); i++)
    append_item (self, rw_session_get_checklist_label (session, i),
                 rw_session_get_checklist_checked (session, i));
  show_blood_pressure (self->bp_before_row, session, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC,
                       RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC);
  show_heart_rate (self->hr_before_row, session, RW_SESSION_VITAL_HR_BEFORE);

  gtk_switch_set_active (self->done_switch, rw_session_get_done (session));
  set_rating (self->intensity_row, rw_session_get_intensity (session));
  set_rating (self->detached_row, rw_session_get_detached (session));
  show_blood_pressure (self->bp_after_row, session, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC,
                       RW_SESSION_VITAL_BP_AFTER_DIASTOLIC);
  show_heart_rate (self->hr_after_row, session, RW_SESSION_VITAL_HR_AFTER);
  for (guint i = 0; i < RW_N_SIDE_EFFECTS; i++)
    gtk_check_button_set_active (self->side_effects[i], (effects & (1 << i)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->other_row), rw_session_get_side_effects_other (session));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), rw_session_get_note (session), -1);
}

static gboolean
read_blood_pressure (AdwEntryRow     *row,
                     RwSession       *session,
                     RwSessionVital   systolic,
                     RwSessionVital   diastolic,
                     GError         **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int high = RW_SESSION_UNSET, low = RW_SESSION_UNSET;

  if (*text != '\0' && !rw_session_parse_blood_pressure (text, &high, &low, error))
    return FALSE;
  rw_session_set_vital (session, systolic, high);
  rw_session_set_vital (session, diastolic, low);
  return TRUE;
}

static gboolean
read_heart_rate (AdwEntryRow     *row,
                 RwSession       *session,
                 RwSessionVital   vital,
                 GError         **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  int value = RW_SESSION_UNSET;

  if (*text != '\0' && !rw_session_parse_heart_rate (text, &value, error))
    return FALSE;
  rw_session_set_vital (session, vital, value);
  return TRUE;
}

/**
 * rw_session_editor_dup_session:
 * @self: a #RwSessionEditor
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a session holding what the fields
 *   show now, or %NULL when one cannot be read (a blood pressure that is
 *   not one) or does not validate
 */
RwSession *
rw_session_editor_dup_session (RwSessionEditor  *self,
                               GError          **error)
{
  g_autoptr(RwSession) session = NULL;
  g_autofree char *time = NULL;
  g_autofree char *intention = NULL;
  g_autofree char *note = NULL;
  RwSideEffects effects = 0;

  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);

  session = self->original != NULL ? rw_session_copy (self->original) : rw_session_new ();
  time = g_strdup_printf ("%02d:%02d", gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
  rw_session_set_date (session, self->date);
  rw_session_set_time (session, time);
  rw_session_set_route (session, adw_combo_row_get_selected (self->route_row));
  rw_session_set_phase (session, adw_combo_row_get_selected (self->phase_row));
  rw_session_set_provider (session, gtk_editable_get_text (GTK_EDITABLE (self->provider_row)));
  rw_session_set_dose (session, gtk_editable_get_text (GTK_EDITABLE (self->dose_row)));

  intention = dup_text (self->intention_view);
  rw_session_set_intention (session, intention);
  rw_session_clear_checklist (session);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->checklist_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      GtkWidget *entry = gtk_widget_get_next_sibling (check);
      g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      /* An item whose words were all deleted is an item removed. */
      if (*label != '\0')
        rw_session_append_checklist (session, label,
                                     gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }

  rw_session_set_done (session, gtk_switch_get_active (self->done_switch));
  rw_session_set_intensity (session, get_rating (self->intensity_row));
  rw_session_set_detached (session, get_rating (self->detached_row));
  for (guint i = 0; i < RW_N_SIDE_EFFECTS; i++)
    if (gtk_check_button_get_active (self->side_effects[i]))
      effects |= 1 << i;
  rw_session_set_side_effects (session, effects);
  rw_session_set_side_effects_other (session, gtk_editable_get_text (GTK_EDITABLE (self->other_row)));
  note = dup_text (self->note_view);
  rw_session_set_note (session, note);

  if (!read_blood_pressure (self->bp_before_row, session, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC,
                            RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC, error) ||
      !read_heart_rate (self->hr_before_row, session, RW_SESSION_VITAL_HR_BEFORE, error) ||
      !read_blood_pressure (self->bp_after_row, session, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC,
                            RW_SESSION_VITAL_BP_AFTER_DIASTOLIC, error) ||
      !read_heart_rate (self->hr_after_row, session, RW_SESSION_VITAL_HR_AFTER, error) ||
      !rw_session_validate (session, error))
    return NULL;

  return g_steal_pointer (&session);
}

static void
set_error (RwSessionEditor *self,
           const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
really_close (RwSessionEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwSessionEditor *self = RW_SESSION_EDITOR (widget);
  RwJournal *journal = rw_context_get_journal (self->context);
  g_autoptr(RwSession) session = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* An item still in the entry is meant to be saved too. */
  add_item_cb (self);

  session = rw_session_editor_dup_session (self, &error);
  if (session == NULL)
    {
      set_error (self, error->message);
      return;
    }
  if (self->original == NULL)
    ok = rw_journal_add_session (journal, session, &error);
  else
    ok = rw_journal_update_session (journal, session, &error);
  if (!ok)
    {
      set_error (self, error->message);
      return;
    }

  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0, session);
  really_close (self);
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
                     RwSessionEditor  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->dirty = FALSE;
  /* Let the dialog finish its own response before its parent goes. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwSessionEditor *self = RW_SESSION_EDITOR (widget);
  AdwMessageDialog *dialog;

  if (!self->dirty)
    {
      really_close (self);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Your Changes?"),
                                                       _("What you typed about this session will be lost.")));
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

/* The window's close button, or Alt+F4, asks as Escape does: nothing
 * typed goes without the person saying so. */
static gboolean
rw_session_editor_close_request (GtkWindow *window)
{
  RwSessionEditor *self = RW_SESSION_EDITOR (window);

  if (!self->dirty)
    return FALSE;
  cancel_action (GTK_WIDGET (self), "session.cancel", NULL);
  return TRUE;
}

/* "Booster, Tuesday 8 December, 10:00" under the title of a part. */
static char *
dup_summary (RwSessionEditor *self)
{
  guint32 day = rw_date_from_iso (self->date);
  g_autofree char *when = day != 0 ? rw_date_format_friendly (day, rw_clock_get_day (get_clock (self)))
                                   : g_strdup (self->date);
  const char *phase = rw_session_phase_get_label (adw_combo_row_get_selected (self->phase_row));

  /* Translators: the phase of a session, its day and its time */
  return g_strdup_printf (_("%s, %s, %02d:%02d"), phase, when,
                          gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
}

static void
show_part (RwSessionEditor *self)
{
  gboolean all = self->part == RW_SESSION_EDITOR_ALL;
  gboolean before = self->part == RW_SESSION_EDITOR_BEFORE;
  gboolean after = self->part == RW_SESSION_EDITOR_AFTER;
  const char *title;

  gtk_widget_set_visible (self->when_group, all);
  gtk_widget_set_visible (self->treatment_group, all);
  gtk_widget_set_visible (self->before_group, all || before);
  gtk_widget_set_visible (self->after_group, all || after);
  gtk_widget_set_visible (self->side_effects_group, all || after);
  gtk_widget_set_visible (self->note_group, all || after);

  if (before)
    title = _("Before the Session");
  else if (after)
    title = _("How Did It Go?");
  else if (self->original != NULL)
    title = _("Edit Session");
  else
    title = _("New Session");
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (!all)
    {
      g_autofree char *summary = dup_summary (self);

      adw_window_title_set_subtitle (self->window_title, summary);
    }
}

static void
rw_session_editor_constructed (GObject *object)
{
  RwSessionEditor *self = (RwSessionEditor *)object;

  G_OBJECT_CLASS (rw_session_editor_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  if (self->original != NULL)
    fill_from (self, self->original);
  else
    {
      g_autoptr(RwSession) fresh = rw_session_new ();
      g_autoptr(GDateTime) now = rw_clock_dup_now_local (get_clock (self));
      g_autofree char *today = rw_clock_dup_today (get_clock (self));
      g_autofree char *time = g_strdup_printf ("%02d:00", g_date_time_get_hour (now));

      rw_session_set_date (fresh, today);
      rw_session_set_time (fresh, time);
      rw_session_add_default_checklist (fresh);
      fill_from (self, fresh);
    }

  /* Telling how it went is telling that it took place. */
  if (self->part == RW_SESSION_EDITOR_AFTER)
    gtk_switch_set_active (self->done_switch, TRUE);

  show_part (self);
  self->loading = FALSE;
  self->dirty = FALSE;

  gtk_window_set_focus (GTK_WINDOW (self),
                        self->part == RW_SESSION_EDITOR_BEFORE ? GTK_WIDGET (self->intention_view)
                        : self->part == RW_SESSION_EDITOR_AFTER ? GTK_WIDGET (self->intensity_row)
                        : GTK_WIDGET (self->date_button));
}

static void
rw_session_editor_dispose (GObject *object)
{
  RwSessionEditor *self = (RwSessionEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_SESSION_EDITOR);

  g_clear_object (&self->context);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (rw_session_editor_parent_class)->dispose (object);
}

static void
rw_session_editor_finalize (GObject *object)
{
  RwSessionEditor *self = (RwSessionEditor *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (rw_session_editor_parent_class)->finalize (object);
}

static void
rw_session_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RwSessionEditor *self = RW_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->original);
      break;
    case PROP_PART:
      g_value_set_int (value, self->part);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_session_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RwSessionEditor *self = RW_SESSION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_SESSION:
      {
        RwSession *session = g_value_get_object (value);

        self->original = session != NULL ? rw_session_copy (session) : NULL;
      }
      break;
    case PROP_PART:
      self->part = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_session_editor_class_init (RwSessionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  GTK_WINDOW_CLASS (klass)->close_request = rw_session_editor_close_request;
  object_class->constructed = rw_session_editor_constructed;
  object_class->dispose = rw_session_editor_dispose;
  object_class->finalize = rw_session_editor_finalize;
  object_class->get_property = rw_session_editor_get_property;
  object_class->set_property = rw_session_editor_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwSessionEditor:session:
   *
   * The session being edited (a copy is kept), or %NULL for a new one.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RW_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwSessionEditor:part:
   *
   * Which part it shows, a #RwSessionEditorPart.
   */
  properties[PROP_PART] =
    g_param_spec_int ("part", NULL, NULL, RW_SESSION_EDITOR_ALL, RW_SESSION_EDITOR_AFTER,
                      RW_SESSION_EDITOR_ALL,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RwSessionEditor::saved:
   * @session: the session as saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, RW_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-session-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, when_group);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, treatment_group);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, route_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, provider_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, dose_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, before_group);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, intention_view);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, checklist_list);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, add_item_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, bp_before_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, hr_before_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, after_group);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, done_switch);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, intensity_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, detached_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, bp_after_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, hr_after_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, side_effects_group);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, side_effects_list);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, other_row);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, note_group);
  gtk_widget_class_bind_template_child (widget_class, RwSessionEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_item_cb);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "session.cancel", NULL);
}

static void
rw_session_editor_init (RwSessionEditor *self)
{
  g_autoptr(GtkStringList) routes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) phases = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) intensity = new_rating_model ();
  g_autoptr(GtkStringList) detached = new_rating_model ();

  self->loading = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < RW_N_SESSION_ROUTES; i++)
    gtk_string_list_append (routes, rw_session_route_get_label (i));
  for (guint i = 0; i < RW_N_SESSION_PHASES; i++)
    gtk_string_list_append (phases, rw_session_phase_get_label (i));
  adw_combo_row_set_model (self->route_row, G_LIST_MODEL (routes));
  adw_combo_row_set_model (self->phase_row, G_LIST_MODEL (phases));
  adw_combo_row_set_model (self->intensity_row, G_LIST_MODEL (intensity));
  adw_combo_row_set_model (self->detached_row, G_LIST_MODEL (detached));

  for (guint i = 0; i < RW_N_SIDE_EFFECTS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = rw_side_effect_get_label (1 << i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->side_effects_list, row);
      self->side_effects[i] = GTK_CHECK_BUTTON (check);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->intention_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
}

/**
 * rw_session_editor_new:
 * @parent: (nullable): the window it belongs to
 * @context: the journal to save in and the clock for "today"
 * @session: (nullable): the session to edit, or %NULL for a new one
 * @part: which part to show
 *
 * Returns: (transfer full): a new editor; present it
 */
RwSessionEditor *
rw_session_editor_new (GtkWindow           *parent,
                       RwContext           *context,
                       RwSession           *session,
                       RwSessionEditorPart  part)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (session == NULL || RW_IS_SESSION (session), NULL);

  return g_object_new (RW_TYPE_SESSION_EDITOR,
                       "transient-for", parent,
                       "context", context,
                       "session", session,
                       "part", part,
                       NULL);
}

gboolean
rw_session_editor_get_is_new (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), FALSE);
  return self->original == NULL;
}

RwSessionEditorPart
rw_session_editor_get_part (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), RW_SESSION_EDITOR_ALL);
  return self->part;
}

/**
 * rw_session_editor_get_error:
 * @self: a #RwSessionEditor
 *
 * Returns: (nullable): why the session could not be saved, as shown
 */
const char *
rw_session_editor_get_error (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return self->error;
}

void
rw_session_editor_set_date (RwSessionEditor *self,
                            const char      *date)
{
  g_return_if_fail (RW_IS_SESSION_EDITOR (self));
  g_return_if_fail (date != NULL);

  g_free (self->date);
  self->date = g_strdup (date);
  update_date_label (self);
  select_calendar_day (self);
  field_changed_cb (self);
}

GtkEditable *
rw_session_editor_get_provider (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return GTK_EDITABLE (self->provider_row);
}

GtkEditable *
rw_session_editor_get_bp_before (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return GTK_EDITABLE (self->bp_before_row);
}

GtkTextBuffer *
rw_session_editor_get_intention (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (self->intention_view);
}

GtkTextBuffer *
rw_session_editor_get_note (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return gtk_text_view_get_buffer (self->note_view);
}

AdwComboRow *
rw_session_editor_get_intensity (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return self->intensity_row;
}

GtkCheckButton *
rw_session_editor_get_side_effect (RwSessionEditor *self,
                                   RwSideEffects    effect)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);

  for (guint i = 0; i < RW_N_SIDE_EFFECTS; i++)
    if (effect == (RwSideEffects) (1 << i))
      return self->side_effects[i];
  g_return_val_if_reached (NULL);
}

GtkListBox *
rw_session_editor_get_checklist (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return self->checklist_list;
}

GtkEditable *
rw_session_editor_get_add_item (RwSessionEditor *self)
{
  g_return_val_if_fail (RW_IS_SESSION_EDITOR (self), NULL);
  return GTK_EDITABLE (self->add_item_row);
}
