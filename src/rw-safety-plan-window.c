/* rw-safety-plan-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-safety-plan-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-help-window.h"
#include "rw-safety-plan-window.h"

/* After the last key press; closing saves at once. */
#define SAVE_DELAY_MS 800

/**
 * RwSafetyPlanWindow:
 *
 * The person's safety plan: a card of their own words for each of the
 * core's seven sections, saved a moment after they stop typing and when
 * the window closes, never lost (a save that fails keeps the window open
 * until the person chooses). The crisis lines of their country are at the
 * top, one click from the whole list; "Save as PDF…" prints it on a page.
 */
struct _RwSafetyPlanWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel *crisis_call_label;
  GtkLabel *crisis_emergency_label;
  GtkBox *sections_box;
  GtkLabel *source_label;

  /* Owned */
  RwContext *context;
  RwCrisisDirectory *directory;
  GtkFileChooserNative *chooser;
  GtkTextView *views[RW_SAFETY_PLAN_N_SECTIONS];
  gboolean dirty[RW_SAFETY_PLAN_N_SECTIONS];
  guint save_timeout;
  gboolean loaded;        /* the plan was read: only then is anything saved */
  gboolean closing;       /* the person chose to close without saving */
};

G_DEFINE_FINAL_TYPE (RwSafetyPlanWindow, rw_safety_plan_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static RwClock *
get_clock (RwSafetyPlanWindow *self)
{
  return rw_context_get_clock (self->context);
}

static char *
dup_text (RwSafetyPlanWindow  *self,
          RwSafetyPlanSection  section)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[section]);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

/* What is on screen, saved or not: what the PDF shows. */
static RwSafetyPlan *
dup_shown_plan (RwSafetyPlanWindow *self)
{
  RwSafetyPlan *plan = rw_safety_plan_new ();

  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_autofree char *text = dup_text (self, s);

      rw_safety_plan_set_text (plan, s, text);
    }
  return plan;
}

static char *
dup_country (RwSafetyPlanWindow *self)
{
  g_autofree char *chosen = g_settings_get_string (rw_context_get_settings (self->context),
                                                   "country");

  return rw_safety_resolve_country (self->directory, chosen);
}

static GStrv
dup_help_lines (RwSafetyPlanWindow *self)
{
  g_autofree char *country = dup_country (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *call = rw_safety_dup_call_line (self->directory, country);
  g_autofree char *emergency = rw_safety_dup_emergency_line (self->directory, country);

  g_strv_builder_add (builder, call);
  if (emergency != NULL)
    g_strv_builder_add (builder, emergency);
  return g_strv_builder_end (builder);
}

/* A space between two digits made one that does not break: "116 123" is
 * never split across lines. */
static char *
keep_numbers_whole (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
update_crisis_row (RwSafetyPlanWindow *self)
{
  g_auto(GStrv) lines = dup_help_lines (self);
  g_autofree char *call = keep_numbers_whole (lines[0]);
  g_autofree char *rest = lines[1] != NULL ? g_strjoinv ("\n", lines + 1) : g_strdup ("");
  g_autofree char *emergency = keep_numbers_whole (rest);

  /* The line to call first, the emergency number under it. */
  gtk_label_set_label (self->crisis_call_label, call);
  gtk_label_set_label (self->crisis_emergency_label, emergency);
  gtk_widget_set_visible (GTK_WIDGET (self->crisis_emergency_label), *emergency != '\0');
}

/**
 * rw_safety_plan_window_save:
 * @self: a #RwSafetyPlanWindow
 * @error: return location for a #GError
 *
 * Saves every section changed since it was last saved, now.
 *
 * Returns: whether all of them were saved
 */
gboolean
rw_safety_plan_window_save (RwSafetyPlanWindow  *self,
                            GError             **error)
{
  RwJournal *journal;

  g_return_val_if_fail (RW_IS_SAFETY_PLAN_WINDOW (self), FALSE);

  if (self->save_timeout != 0)
    {
      rw_clock_remove_timeout (get_clock (self), self->save_timeout);
      self->save_timeout = 0;
    }
  if (!self->loaded)
    return TRUE;
  journal = rw_context_get_journal (self->context);
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_autofree char *text = NULL;

      if (!self->dirty[s] || self->views[s] == NULL)
        continue;
      text = dup_text (self, s);
      if (!rw_journal_save_safety_plan_section (journal, s, text, error))
        return FALSE;
      self->dirty[s] = FALSE;
    }
  return TRUE;
}

static void
show_toast (RwSafetyPlanWindow *self,
            AdwToast           *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
save_timeout_cb (gpointer data)
{
  RwSafetyPlanWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->save_timeout = 0;
  if (!rw_safety_plan_window_save (self, &error))
    {
      /* Translators: the plan is still in the window; %s says why it was not saved */
      g_autofree char *title = g_markup_printf_escaped (_("Not saved yet: %s"), error->message);

      show_toast (self, adw_toast_new (title));
    }
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (GtkTextBuffer      *buffer,
                   RwSafetyPlanWindow *self)
{
  guint section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "rw-section"));

  if (!self->loaded)
    return;
  self->dirty[section] = TRUE;
  if (self->save_timeout != 0)
    rw_clock_remove_timeout (get_clock (self), self->save_timeout);
  self->save_timeout = rw_clock_add_timeout (get_clock (self), SAVE_DELAY_MS, save_timeout_cb,
                                             self, NULL);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
not_saved_response_cb (AdwMessageDialog   *dialog,
                       const char         *response,
                       RwSafetyPlanWindow *self)
{
  if (g_str_equal (response, "close"))
    {
      self->closing = TRUE;
      /* Once the dialog, which is transient for this window, is gone. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self),
                       g_object_unref);
    }
}

static gboolean
close_request_cb (GtkWindow          *window,
                  RwSafetyPlanWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->closing || rw_safety_plan_window_save (self, &error))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Your Plan Is Not Saved"), NULL);
  /* Translators: %s says why the safety plan could not be saved */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s\n\nYour words are still in this window. Keep it open and "
                                    "try again, or copy them somewhere else first."),
                                  error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Open"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (not_saved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static GtkWidget *
make_label (const char *text,
            const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  /* Wrapped, never cut: a heading at 360 px is read whole. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
build_section (RwSafetyPlanWindow  *self,
               RwSafetyPlanSection  section,
               const char          *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *hint_label;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *heading = rw_safety_plan_section_get_heading (section);
  const char *hint = rw_safety_plan_section_get_hint (section);
  /* Translators: a section of the safety plan, "1. Warning signs" */
  g_autofree char *title = g_strdup_printf (_("%u. %s"), section + 1, heading);

  gtk_box_append (GTK_BOX (box), make_label (title, "heading"));
  hint_label = make_label (hint, "dim-label");
  gtk_widget_set_margin_bottom (hint_label, 6);
  gtk_box_append (GTK_BOX (box), hint_label);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next section, as in a form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_widget_set_size_request (view, -1, 76);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "safety-plan-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, hint,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  gtk_text_buffer_set_text (buffer, text, -1);
  g_object_set_data (G_OBJECT (buffer), "rw-section", GUINT_TO_POINTER (section));
  g_signal_connect (buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  self->views[section] = GTK_TEXT_VIEW (view);

  gtk_box_append (GTK_BOX (box), view);
  return box;
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RwSafetyPlanWindow *self = RW_SAFETY_PLAN_WINDOW (widget);
  g_autofree char *path = rw_chart_format_fix_path (g_variant_get_string (parameter, NULL),
                                                    RW_CHART_FORMAT_PDF);
  g_autoptr(RwSafetyPlan) plan = dup_shown_plan (self);
  g_auto(GStrv) lines = dup_help_lines (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  gboolean complete = TRUE;
  AdwToast *toast;

  if (!rw_safety_plan_export_pdf (plan, path, rw_paper_get_default (),
                                  (const char * const *) lines, &complete, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The PDF Was Not Saved"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  name = g_filename_display_basename (path);
  dir = g_path_get_dirname (path);
  folder = g_filename_display_basename (dir);
  uri = g_filename_to_uri (dir, NULL, NULL);
  if (complete)
    /* Translators: a toast, "Safety plan saved as my-safety-plan.pdf in Documents" */
    title = g_markup_printf_escaped (_("Safety plan saved as %s in %s"), name, folder);
  else
    /* Translators: a toast, "Safety plan saved as my-safety-plan.pdf in Documents; …" */
    title = g_markup_printf_escaped (_("Safety plan saved as %s in %s; the longest sections "
                                       "are cut to fit one page"), name, folder);
  toast = adw_toast_new (title);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("Open Folder"));
      adw_toast_set_action_name (toast, "safety-plan.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  show_toast (self, toast);
}

static void
export_response_cb (GtkNativeDialog    *dialog,
                    int                 response,
                    RwSafetyPlanWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "safety-plan.save-pdf-to", "s", path);
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RwSafetyPlanWindow *self = RW_SAFETY_PLAN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save Safety Plan as PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF document"));
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the name offered for the saved safety plan */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("my-safety-plan.pdf"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
get_help_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RwSafetyPlanWindow *self = RW_SAFETY_PLAN_WINDOW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* Opened from Get Help Now: back to it, not a second one. */
  if (RW_IS_HELP_WINDOW (parent))
    gtk_window_present (parent);
  else
    gtk_window_present (GTK_WINDOW (rw_help_window_new (self->context, GTK_WINDOW (self))));
}

static void
rw_safety_plan_window_constructed (GObject *object)
{
  RwSafetyPlanWindow *self = (RwSafetyPlanWindow *)object;
  g_autoptr(RwSafetyPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (rw_safety_plan_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->directory = rw_crisis_directory_new_or_fallback ();
  update_crisis_row (self);
  g_signal_connect_object (rw_context_get_settings (self->context), "changed::country",
                           G_CALLBACK (update_crisis_row), self, G_CONNECT_SWAPPED);
  gtk_label_set_label (self->source_label, rw_safety_plan_get_source ());

  plan = rw_journal_load_safety_plan (rw_context_get_journal (self->context), &error);
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    gtk_box_append (self->sections_box,
                    build_section (self, s, plan != NULL ? rw_safety_plan_get_text (plan, s) : ""));
  if (plan == NULL)
    {
      /* Nothing typed over a plan that could not be read is ever saved. */
      g_autofree char *title = g_markup_printf_escaped (_("Your plan could not be read: %s"),
                                                        error->message);

      for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
        gtk_text_view_set_editable (self->views[s], FALSE);
      show_toast (self, adw_toast_new (title));
      return;
    }
  self->loaded = TRUE;
}

static void
rw_safety_plan_window_dispose (GObject *object)
{
  RwSafetyPlanWindow *self = (RwSafetyPlanWindow *)object;

  /* Destroyed without a close (the application quitting): what was typed
   * is saved all the same. */
  if (self->context != NULL && !self->closing)
    {
      g_autoptr(GError) error = NULL;

      if (!rw_safety_plan_window_save (self, &error))
        g_warning ("The safety plan was not saved: %s", error->message);
    }
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    if (self->views[s] != NULL)
      {
        g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->views[s]), self);
        self->views[s] = NULL;
      }
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_SAFETY_PLAN_WINDOW);
  g_clear_object (&self->directory);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_safety_plan_window_parent_class)->dispose (object);
}

static void
rw_safety_plan_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RwSafetyPlanWindow *self = RW_SAFETY_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_safety_plan_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RwSafetyPlanWindow *self = RW_SAFETY_PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_safety_plan_window_class_init (RwSafetyPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_safety_plan_window_constructed;
  object_class->dispose = rw_safety_plan_window_dispose;
  object_class->get_property = rw_safety_plan_window_get_property;
  object_class->set_property = rw_safety_plan_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-safety-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwSafetyPlanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RwSafetyPlanWindow, crisis_call_label);
  gtk_widget_class_bind_template_child (widget_class, RwSafetyPlanWindow, crisis_emergency_label);
  gtk_widget_class_bind_template_child (widget_class, RwSafetyPlanWindow, sections_box);
  gtk_widget_class_bind_template_child (widget_class, RwSafetyPlanWindow, source_label);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);

  gtk_widget_class_install_action (widget_class, "safety-plan.save-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "safety-plan.save-pdf-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "safety-plan.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "safety-plan.get-help", NULL, get_help_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "safety-plan.save-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rw_safety_plan_window_init (RwSafetyPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_safety_plan_window_new:
 * @context: the journal and settings
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer full): the window; present it
 */
RwSafetyPlanWindow *
rw_safety_plan_window_new (RwContext *context,
                           GtkWindow *parent)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RW_TYPE_SAFETY_PLAN_WINDOW,
                       "context", context,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}

/**
 * rw_safety_plan_window_present:
 * @context: the journal and settings
 * @parent: (nullable): the window it is opened from
 *
 * Shows the safety plan: the window already open if there is one (two
 * windows on one plan would save over each other), else a new one.
 *
 * Returns: (transfer none): the window shown
 */
RwSafetyPlanWindow *
rw_safety_plan_window_present (RwContext *context,
                               GtkWindow *parent)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  RwSafetyPlanWindow *window = NULL;

  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (RW_IS_SAFETY_PLAN_WINDOW (l->data) &&
        RW_SAFETY_PLAN_WINDOW (l->data)->context == context)
      window = l->data;
  if (window == NULL)
    window = rw_safety_plan_window_new (context, parent);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/**
 * rw_safety_plan_window_get_view:
 * @self: a #RwSafetyPlanWindow
 * @section: which section
 *
 * Returns: (transfer none): the text view of @section
 */
GtkTextView *
rw_safety_plan_window_get_view (RwSafetyPlanWindow  *self,
                                RwSafetyPlanSection  section)
{
  g_return_val_if_fail (RW_IS_SAFETY_PLAN_WINDOW (self), NULL);
  g_return_val_if_fail (section < RW_SAFETY_PLAN_N_SECTIONS, NULL);

  return self->views[section];
}
