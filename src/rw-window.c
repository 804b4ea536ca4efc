/* rw-window.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-backups-window.h"
#include "rw-breathing-window.h"
#include "rw-guide-page.h"
#include "rw-help-window.h"
#include "rw-questionnaire-window.h"
#include "rw-report-window.h"
#include "rw-import-window.h"
#include "rw-restore-window.h"
#include "rw-tags-window.h"
#include "rw-plan-page.h"
#include "rw-trends-page.h"
#include "rw-window.h"

/**
 * RwWindow:
 *
 * The main window: four views in an #AdwViewStack with a view switcher in
 * the header at wide widths and at the bottom at narrow ones.
 */
struct _RwWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GMenuModel *primary_menu;
  AdwViewStack *view_stack;
  AdwBin *journal_bin;
  AdwBin *trends_bin;
  AdwBin *guide_bin;
  AdwBin *plan_bin;
  GtkInfoBar *sync_bar;
  GtkLabel *sync_label;
  AdwToastOverlay *toasts;

  /* Built when first shown, owned by their bins */
  RwJournalPage *journal_page;
  RwTrendsPage *trends_page;
  RwPlanPage *plan_page;
  RwGuidePage *guide_page;

  /* Owned */
  RwContext *context;
  guint sync_check_id;
};

G_DEFINE_FINAL_TYPE (RwWindow, rw_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = { "journal", "trends", "guide", "plan" };

/* Each view is built the first time it is shown (or asked for), so that
 * the window opens with only the visible one. */
static GtkWidget *
ensure_view (RwWindow   *self,
             const char *name)
{
  struct {
    const char *name;
    AdwBin *bin;
    gpointer *page;
    GtkWidget *(*page_new) (RwContext *context);
  } views[] = {
    { "journal", self->journal_bin, (gpointer *) &self->journal_page,
      (GtkWidget *(*) (RwContext *)) rw_journal_page_new },
    { "trends", self->trends_bin, (gpointer *) &self->trends_page,
      (GtkWidget *(*) (RwContext *)) rw_trends_page_new },
    { "guide", self->guide_bin, (gpointer *) &self->guide_page,
      (GtkWidget *(*) (RwContext *)) rw_guide_page_new },
    { "plan", self->plan_bin, (gpointer *) &self->plan_page,
      (GtkWidget *(*) (RwContext *)) rw_plan_page_new },
  };

  g_assert (self->context != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      if (!g_str_equal (views[i].name, name))
        continue;
      if (*views[i].page == NULL)
        {
          GtkWidget *page = views[i].page_new (self->context);

          *views[i].page = page;
          adw_bin_set_child (views[i].bin, page);
        }
      return *views[i].page;
    }

  g_assert_not_reached ();
  return NULL;
}

/**
 * rw_window_get_view:
 * @self: a #RwWindow
 * @name: "journal", "trends", "guide" or "plan"
 *
 * Returns: (transfer none) (nullable): the view, if it has been built
 */
GtkWidget *
rw_window_get_view (RwWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);

  if (g_strcmp0 (name, "journal") == 0)
    return GTK_WIDGET (self->journal_page);
  if (g_strcmp0 (name, "trends") == 0)
    return GTK_WIDGET (self->trends_page);
  if (g_strcmp0 (name, "guide") == 0)
    return GTK_WIDGET (self->guide_page);
  if (g_strcmp0 (name, "plan") == 0)
    return GTK_WIDGET (self->plan_page);
  return NULL;
}

static void
visible_child_changed_cb (RwWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "view");

  if (name == NULL || action == NULL || self->context == NULL)
    return;

  ensure_view (self, name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_string (name));
  g_settings_set_string (rw_context_get_settings (self->context), "last-view", name);
}

static void
view_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RwWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (!g_strv_contains (view_names, name))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
new_check_in_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RwWindow *self = user_data;

  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  gtk_widget_activate_action (ensure_view (self, "journal"), "journal.new-check-in", NULL);
}

static void
new_session_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RwWindow *self = user_data;

  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  gtk_widget_activate_action (ensure_view (self, "journal"), "journal.new-session", NULL);
}

static void
search_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  RwWindow *self = user_data;

  /* Ctrl+F searches the guide in the guide, the journal anywhere else. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "guide") == 0)
    {
      rw_guide_page_focus_search (RW_GUIDE_PAGE (ensure_view (self, "guide")));
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  gtk_widget_activate_action (ensure_view (self, "journal"), "journal.search", NULL);
}

/* Ctrl+G from anywhere in the window, as the shortcuts window says. */
static void
jump_to_date_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RwWindow *self = user_data;

  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  gtk_widget_activate_action (ensure_view (self, "journal"), "journal.jump-to-date", NULL);
}

static void
get_help_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RwWindow *self = user_data;
  RwHelpWindow *help;

  help = rw_help_window_new (self->context, GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (help));
}

/* win.questionnaire::phq9 or ::gad7, from the main menu and the Today card. */
static void
questionnaire_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RwWindow *self = user_data;
  RwQuestionnaireKind kind;

  if (self->context == NULL ||
      !rw_questionnaire_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;
  gtk_window_present (GTK_WINDOW (rw_questionnaire_window_new (self->context, GTK_WINDOW (self),
                                                               kind)));
}

static void
manage_tags_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RwWindow *self = user_data;
  RwTagsWindow *tags;

  if (self->context == NULL)
    return;
  tags = rw_tags_window_new (self->context, GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (tags));
}

static void
report_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  RwWindow *self = user_data;
  RwReportWindow *report;

  if (self->context == NULL)
    return;
  report = rw_report_window_new (self->context, GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (report));
}

/* Links from the plan and the guide: guide:CHAPTER#slug, ref:KEY and
 * app:help. */
static void
open_link_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  RwWindow *self = user_data;
  const char *uri = g_variant_get_string (parameter, NULL);

  if (g_str_has_prefix (uri, "app:help"))
    g_action_group_activate_action (G_ACTION_GROUP (self), "get-help", NULL);
  else if (g_str_has_prefix (uri, "guide:") || g_str_has_prefix (uri, "ref:"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "guide");
      rw_guide_page_open_link (RW_GUIDE_PAGE (ensure_view (self, "guide")), uri);
    }
}

/* A day from the Trends view's year calendar, opened in the journal. */
static void
show_day_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  RwWindow *self = user_data;
  const char *date = g_variant_get_string (parameter, NULL);

  if (self->context == NULL || rw_date_from_iso (date) == 0)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "journal");
  rw_journal_page_jump_to_date (RW_JOURNAL_PAGE (ensure_view (self, "journal")), date);
}

static void
breathe_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RwWindow *self = user_data;
  RwBreathingWindow *window;

  if (self->context == NULL)
    return;
  window = rw_breathing_window_new (self->context, GTK_WINDOW (self), 10);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RwWindow *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  /* Made when asked for, not with the window. */
  builder = gtk_builder_new_from_resource ("/io/github/rewire/Rewire/rw-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (self));
  gtk_window_present (shortcuts);
}

static void
wiped_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   RwWindow         *self)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  /* The journal is gone: Rewire starts again empty next time. */
  if (app != NULL)
    g_application_quit (app);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_all_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        RwWindow         *self)
{
  RwJournal *journal = rw_context_get_journal (self->context);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *done;

  if (!g_str_equal (response, "delete"))
    return;

  /* Closed first, so that nothing is written after the files go. */
  files = rw_journal_wipe (journal, &error);

  done = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                     files != NULL ? _("Your Data Is Deleted")
                                                                   : _("Not Everything Could Be Deleted"),
                                                     NULL));
  if (files != NULL)
    adw_message_dialog_format_body (done, _("Your journal, its drafts and every backup Rewire "
                                            "made are gone from this computer. Rewire closes "
                                            "now and starts empty next time."));
  else
    adw_message_dialog_format_body (done, "%s", error->message);
  adw_message_dialog_add_response (done, "close", _("_Close Rewire"));
  g_signal_connect_object (done, "response", G_CALLBACK (wiped_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (done));
}

static void
confirm_text_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *typed = g_utf8_casefold (gtk_editable_get_text (entry), -1);
  /* Translators: the word typed to confirm deleting everything */
  g_autofree char *word = g_utf8_casefold (_("delete"), -1);

  adw_message_dialog_set_response_enabled (dialog, "delete", g_str_equal (g_strstrip (typed), word));
}

/* Everything goes only after the word is typed: no click by mistake. */
static void
delete_all_data_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  RwWindow *self = user_data;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Delete All Your Data?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("This deletes your journal, its drafts and every backup "
                                    "Rewire made from this computer. It cannot be undone. "
                                    "To keep a copy, export your check-ins first.\n\n"
                                    "Type “%s” to confirm."), _("delete"));
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Type delete to confirm"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete Everything"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "delete", FALSE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (confirm_text_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  RwWindow *self = user_data;

  rw_import_window_choose (self->context, GTK_WINDOW (self));
}

static void
restore_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RwWindow *self = user_data;

  rw_restore_window_choose (self->context, GTK_WINDOW (self));
}

static void
backups_cb (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  RwWindow *self = user_data;

  gtk_window_present (GTK_WINDOW (rw_backups_window_new (self->context, GTK_WINDOW (self))));
}

static void
purge_backups_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  RwWindow *self = user_data;

  rw_backups_confirm_purge (self->context, GTK_WINDOW (self), self->toasts);
}

static const GActionEntry win_actions[] = {
  { "import", import_cb },
  { "restore", restore_cb },
  { "backups", backups_cb },
  { "purge-backups", purge_backups_cb },
  { "show-help-overlay", show_help_overlay_cb },
  { "breathe", breathe_cb },
  { "open-link", open_link_cb, "s" },
  { "show-day", show_day_cb, "s" },
  { "manage-tags", manage_tags_cb },
  { "questionnaire", questionnaire_cb, "s" },
  { "report", report_cb },
  { "view", view_action_cb, "s", "'journal'", NULL },
  { "new-check-in", new_check_in_cb },
  { "new-session", new_session_cb },
  { "search", search_cb },
  { "jump-to-date", jump_to_date_cb },
  { "get-help", get_help_cb },
  { "delete-all-data", delete_all_data_cb },
};

/* After the first frame: a journal in a folder that a sync program
 * copies (Syncthing, Nextcloud, Dropbox) can be damaged by it; say so,
 * and why, until the person closes the bar. The same bar tells of a
 * journal.db-wal of another file, set aside when the journal opened. */
static gboolean
check_sync_folder_cb (gpointer user_data)
{
  RwWindow *self = user_data;
  RwJournal *journal = rw_context_get_journal (self->context);
  g_autofree char *sync = rw_sync_folder_warning (rw_journal_get_data_dir (journal));
  g_autofree char *set_aside = rw_journal_describe_set_aside_wal (journal);
  g_autofree char *warning = NULL;

  self->sync_check_id = 0;
  if (sync != NULL && set_aside != NULL)
    warning = g_strconcat (set_aside, "\n\n", sync, NULL);
  else
    warning = g_strdup (set_aside != NULL ? set_aside : sync);
  if (warning != NULL)
    {
      gtk_label_set_label (self->sync_label, warning);
      gtk_widget_set_visible (GTK_WIDGET (self->sync_bar), TRUE);
    }
  return G_SOURCE_REMOVE;
}

static void
sync_bar_response_cb (RwWindow *self,
                      int       response)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sync_bar), FALSE);
}

static void
map_cb (RwWindow *self)
{
  if (self->sync_check_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->sync_bar)))
    self->sync_check_id = g_idle_add_full (G_PRIORITY_LOW, check_sync_folder_cb, self, NULL);
}

static void
rw_window_constructed (GObject *object)
{
  RwWindow *self = (RwWindow *)object;
  GSettings *settings;
  g_autofree char *last_view = NULL;

  G_OBJECT_CLASS (rw_window_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  settings = rw_context_get_settings (self->context);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  last_view = g_settings_get_string (settings, "last-view");
  adw_view_stack_set_visible_child_name (self->view_stack, last_view);
  visible_child_changed_cb (self);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
}

static void
rw_window_dispose (GObject *object)
{
  RwWindow *self = (RwWindow *)object;

  g_clear_handle_id (&self->sync_check_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_window_parent_class)->dispose (object);
}

static void
rw_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RwWindow *self = RW_WINDOW (object);

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
rw_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  RwWindow *self = RW_WINDOW (object);

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
rw_window_class_init (RwWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_window_constructed;
  object_class->dispose = rw_window_dispose;
  object_class->get_property = rw_window_get_property;
  object_class->set_property = rw_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rewire/Rewire/rw-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RwWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, journal_bin);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, trends_bin);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, guide_bin);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, plan_bin);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, sync_bar);
  gtk_widget_class_bind_template_child (widget_class, RwWindow, sync_label);
  gtk_widget_class_bind_template_callback (widget_class, sync_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_changed_cb);
}

/* The menu's popover is made when it first opens, not with the window. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  RwWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
rw_window_init (RwWindow *self)
{
  GtkWidget *content;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Toasts of the window's own (a backup copy that failed, a restore). */
  content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), GTK_WIDGET (self->toasts));
  adw_toast_overlay_set_child (self->toasts, content);
  g_object_unref (content);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
}

/**
 * rw_window_new:
 * @application: (nullable): the application
 * @context: what the views show
 *
 * Returns: (transfer floating): the main window
 */
RwWindow *
rw_window_new (GtkApplication *application,
               RwContext      *context)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

RwContext *
rw_window_get_context (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->context;
}

const char *
rw_window_get_visible_view (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

RwGuidePage *
rw_window_get_guide_page (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return RW_GUIDE_PAGE (ensure_view (self, "guide"));
}

RwPlanPage *
rw_window_get_plan_page (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return RW_PLAN_PAGE (ensure_view (self, "plan"));
}

RwTrendsPage *
rw_window_get_trends_page (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return RW_TRENDS_PAGE (ensure_view (self, "trends"));
}

RwJournalPage *
rw_window_get_journal_page (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return RW_JOURNAL_PAGE (ensure_view (self, "journal"));
}

/**
 * rw_window_get_toasts:
 *
 * Returns: (transfer none): where the window shows toasts of its own
 */
AdwToastOverlay *
rw_window_get_toasts (RwWindow *self)
{
  g_return_val_if_fail (RW_IS_WINDOW (self), NULL);
  return self->toasts;
}
