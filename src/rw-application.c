/* rw-application.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "rw-application.h"
#include "rw-backups-window.h"
#include "rw-context.h"
#include "rw-preferences-window.h"
#include "rw-guide.h"
#include "rw-safety-plan-window.h"
#include "rw-welcome-window.h"
#include "rw-window.h"

/**
 * RwApplication:
 *
 * Opens the journal once and shows one window. A second launch raises the
 * first (GApplication uniqueness); `--data-dir DIR` chooses the journal.
 */
struct _RwApplication
{
  AdwApplication parent_instance;

  char *data_dir;
  RwContext *context;
  GSettings *settings;

  /* The recovery page, while a journal cannot be opened */
  GtkWindow *recovery;
  GtkButton *restore_button;
  GtkLabel *restore_caption;
  char *restore_path;
};

G_DEFINE_FINAL_TYPE (RwApplication, rw_application, ADW_TYPE_APPLICATION)

/* A window with a header bar and a status page: the journal could not be
 * opened, or is being updated. */
static GtkWindow *
new_status_window (RwApplication *self,
                   const char    *icon_name,
                   const char    *title,
                   const char    *description,
                   GtkWidget     *child)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Rewire"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 640);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), icon_name);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), child);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  return GTK_WINDOW (window);
}

static void
backup_found_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RwApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  gint64 check_ins = 0;
  char *path = rw_journal_find_backup_finish (result, &check_ins, &last, &error);
  GAction *restore = g_action_map_lookup_action (G_ACTION_MAP (self), "restore-backup");

  if (self->restore_button == NULL)
    {
      g_free (path);
      return;
    }
  if (path == NULL)
    {
      gtk_button_set_label (self->restore_button, _("No Backup to Restore"));
      return;
    }

  g_free (self->restore_path);
  self->restore_path = path;
  gtk_button_set_label (self->restore_button, _("_Restore the Backup"));
  gtk_button_set_use_underline (self->restore_button, TRUE);
  if (self->restore_caption != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, check_ins);
      g_autofree char *day = last != NULL ? rw_date_format (rw_date_from_iso (last), "%-d %B %Y") : NULL;
      g_autofree char *caption = NULL;

      /* Translators: the first %s is a number of check-ins, the second a day */
      caption = day != NULL
                ? g_strdup_printf (_("The newest whole backup holds %s check-ins, up to %s. The "
                                     "journal that could not be opened is kept, not deleted."),
                                   count, day)
                : g_strdup (_("The newest whole backup holds no check-ins. The journal that "
                              "could not be opened is kept, not deleted."));
      gtk_label_set_label (self->restore_caption, caption);
      gtk_widget_set_visible (GTK_WIDGET (self->restore_caption), TRUE);
    }
  g_simple_action_set_enabled (G_SIMPLE_ACTION (restore), TRUE);
}

static gboolean
find_backup_cb (gpointer user_data)
{
  RwApplication *self = user_data;
  g_autofree char *data_dir = rw_journal_resolve_data_dir (self->data_dir);

  rw_journal_find_backup_async (data_dir, NULL, backup_found_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* A journal that is damaged, not Rewire's or from a newer Rewire is left
 * as it is; the page says what happened and, when one of Rewire's
 * backups is whole, offers it (looked for after the page is shown). */
static void
show_open_error (RwApplication *self,
                 const GError  *error)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));
  gboolean recoverable = rw_journal_error_is_restorable (error);

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  if (recoverable)
    {
      GtkWidget *restore = gtk_button_new_with_label (_("Looking for a Backup…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "app.restore-backup");
      gtk_widget_add_css_class (restore, "pill");
      gtk_widget_add_css_class (restore, "suggested-action");
      gtk_box_append (GTK_BOX (box), restore);
      self->restore_button = GTK_BUTTON (restore);
      g_object_add_weak_pointer (G_OBJECT (restore), (gpointer *) &self->restore_button);
      self->restore_caption = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->restore_caption, TRUE);
      gtk_label_set_justify (self->restore_caption, GTK_JUSTIFY_CENTER);
      gtk_label_set_max_width_chars (self->restore_caption, 40);
      gtk_widget_add_css_class (GTK_WIDGET (self->restore_caption), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (self->restore_caption), FALSE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->restore_caption));
      g_object_add_weak_pointer (G_OBJECT (self->restore_caption), (gpointer *) &self->restore_caption);
    }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  gtk_widget_add_css_class (quit, "pill");
  gtk_box_append (GTK_BOX (box), quit);

  self->recovery = new_status_window (self, "dialog-warning-symbolic",
                                      _("The Journal Could Not Be Opened"), error->message, box);
  g_object_add_weak_pointer (G_OBJECT (self->recovery), (gpointer *) &self->recovery);
  gtk_window_present (self->recovery);
  if (recoverable)
    g_idle_add_full (G_PRIORITY_LOW, find_backup_cb, self, NULL);
}

static void
restore_backup_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RwApplication *self = user_data;
  g_autofree char *data_dir = rw_journal_resolve_data_dir (self->data_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  GtkWindow *recovery = self->recovery;

  if (self->restore_path == NULL)
    return;
  if (!rw_journal_restore_backup (data_dir, self->restore_path, &kept, &error))
    {
      if (recovery != NULL)
        {
          GtkWidget *dialog = adw_message_dialog_new (recovery, _("The Backup Could Not Be Restored"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  g_simple_action_set_enabled (action, FALSE);
  g_clear_pointer (&self->restore_path, g_free);
  /* The page goes (held, so that the app does not end with it), then
   * the journal now restored opens as at start-up. */
  g_application_hold (G_APPLICATION (self));
  if (recovery != NULL)
    gtk_window_destroy (recovery);
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

static void
tidy_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RwApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (!rw_journal_tidy_finish (RW_JOURNAL (source), result, &error))
    g_message ("Could not tidy the journal: %s", error->message);

  /* Today's backup, made by the tidy, into the second folder too. */
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (self->context != NULL && RW_IS_WINDOW (window) &&
      g_settings_get_boolean (self->settings, "automatic-backups"))
    rw_backups_copy_to_second_folder (self->context, rw_window_get_toasts (RW_WINDOW (window)));
}

static void
first_frame_cb (GdkFrameClock *clock,
                RwApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);

  /* The window icon is drawn from an SVG, through librsvg: after the first
   * frame, not before it. */
  gtk_window_set_default_icon_name (APP_ID);

  /* Nothing of this may hold up the first frame. */
  if (self->context != NULL)
    rw_journal_set_daily_backup (rw_context_get_journal (self->context),
                                 g_settings_get_boolean (self->settings, "automatic-backups"));
  if (self->context != NULL)
    rw_journal_tidy_async (rw_context_get_journal (self->context), NULL, tidy_cb,
                           g_object_ref (self));
}

static void
show_journal (RwApplication *self,
              RwJournal     *journal)
{
  g_autoptr(RwClock) clock = rw_clock_new_system ();
  GtkWindow *window;

  self->context = rw_context_new (journal, self->settings, clock);
  window = GTK_WINDOW (rw_window_new (GTK_APPLICATION (self), self->context));
  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
  gtk_window_present (window);

  if (!g_settings_get_boolean (self->settings, "welcome-done"))
    {
      RwWelcomeWindow *welcome = rw_welcome_window_new (self->context, window);
      gtk_window_present (GTK_WINDOW (welcome));
    }
}

static void
upgrade_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RwApplication) self = user_data;
  RwJournal *journal = RW_JOURNAL (source);
  GtkWindow *updating = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (!rw_journal_upgrade_finish (journal, result, &error))
    show_open_error (self, error);
  else
    show_journal (self, journal);

  if (updating != NULL)
    gtk_window_destroy (updating);
  g_application_release (G_APPLICATION (self));
}

static void
rw_application_activate (GApplication *app)
{
  RwApplication *self = RW_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;
  g_autoptr(RwJournal) journal = NULL;
  g_autofree char *data_dir = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  data_dir = rw_journal_resolve_data_dir (self->data_dir);
  journal = rw_journal_open_deferred (data_dir, &error);
  if (journal == NULL)
    {
      show_open_error (self, error);
      return;
    }

  if (rw_journal_needs_upgrade (journal))
    {
      GtkWidget *spinner = gtk_spinner_new ();

      /* A journal from an older Rewire: updated in a worker thread, after
       * a snapshot, while this shows. */
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_size_request (spinner, 32, 32);
      gtk_window_present (new_status_window (self, "emblem-synchronizing-symbolic",
                                             _("Updating Your Journal"),
                                             _("Rewire is updating your journal for this version. "
                                               "A copy of it is kept until this is done."),
                                             spinner));
      g_application_hold (app);
      rw_journal_upgrade_async (journal, NULL, upgrade_cb, g_object_ref (self));
      return;
    }

  show_journal (self, journal);
}

static int
rw_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RwApplication *self = RW_APPLICATION (app);
  const char *dir = NULL;

  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &dir))
    {
      if (dir[0] == '\0')
        {
          /* An unset variable in a launcher: not the default journal. */
          g_printerr ("rewire: %s\n", _("--data-dir needs a folder, and none was given."));
          return 1;
        }
      g_free (self->data_dir);
      self->data_dir = g_strdup (dir);
    }

  /* A journal elsewhere (--data-dir or $REWIRE_DATA_DIR) is a separate
   * instance of the app: a window already open on the default journal
   * must not be handed the request and show the wrong journal. */
  {
    g_autofree char *chosen = rw_journal_resolve_data_dir (self->data_dir);
    g_autofree char *standard = g_build_filename (g_get_user_data_dir (), "rewire", NULL);

    if (g_strcmp0 (chosen, standard) != 0)
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  }

  return -1;
}

static void
rw_application_startup (GApplication *app)
{
  RwApplication *self = RW_APPLICATION (app);

  G_APPLICATION_CLASS (rw_application_parent_class)->startup (app);

  self->settings = rw_settings_new ();
  rw_preferences_bind_style (self->settings);
}

static void
rw_application_shutdown (GApplication *app)
{
  RwApplication *self = RW_APPLICATION (app);
  GList *windows;

  /* The windows hold the context, and with it the journal's connection:
   * they go first, so that the journal is closed before the process
   * ends and SQLite folds the write-ahead log back into journal.db and
   * removes it and the -shm. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* And closed even if something still holds the context. */
  if (self->context != NULL)
    rw_journal_close (rw_context_get_journal (self->context));
  g_clear_object (&self->context);

  G_APPLICATION_CLASS (rw_application_parent_class)->shutdown (app);
}

static void
rw_application_finalize (GObject *object)
{
  RwApplication *self = (RwApplication *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->restore_path, g_free);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rw_application_parent_class)->finalize (object);
}

static void
rw_application_class_init (RwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rw_application_finalize;
  app_class->activate = rw_application_activate;
  app_class->startup = rw_application_startup;
  app_class->shutdown = rw_application_shutdown;
  app_class->handle_local_options = rw_application_handle_local_options;
}

/* The works the guide cites, as its References chapter gives them (the
 * entries' "What it is" notes left out), one paragraph each, for the about
 * window: the list is read from the guide itself, so it never differs. */
static char *
guide_sources_markup (void)
{
  g_autoptr(RwGuide) guide = rw_guide_load ("C", NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  int index = guide != NULL ? rw_guide_find_chapter (guide, "13-references") : -1;
  RwGuideChapter *chapter;

  if (index < 0)
    return NULL;
  chapter = rw_guide_get_chapter (guide, index);
  for (guint i = 0; i < chapter->blocks->len; i++)
    {
      RwGuideBlock *block = g_ptr_array_index (chapter->blocks, i);
      const char *note;
      g_autofree char *citation = NULL;
      g_autofree char *escaped = NULL;

      /* A reference is a list item with an anchor. */
      if (block->kind != RW_BLOCK_LIST_ITEM || block->slug == NULL || block->text == NULL)
        continue;
      note = strstr (block->text, "What it is:");
      citation = g_strstrip (g_strndup (block->text,
                                        note != NULL ? (gsize) (note - block->text)
                                                     : strlen (block->text)));
      escaped = g_markup_escape_text (citation, -1);
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, escaped);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * rw_application_new_about_window:
 * @parent: (nullable): the window it is shown over
 *
 * Returns: (transfer none): Rewire's about window: version, licence,
 *   credits, that Rewire is not medical advice, and the guide's sources.
 */
GtkWidget *
rw_application_new_about_window (GtkWindow *parent)
{
  GtkWidget *about = adw_about_window_new ();
  const char *developers[] = { "The Rewire authors", NULL };
  g_autofree char *sources = guide_sources_markup ();

  g_object_set (about,
                "application-name", _("Rewire"),
                "application-icon", APP_ID,
                "developer-name", _("The Rewire authors"),
                "version", PACKAGE_VERSION,
                "developers", developers,
                "copyright", "© 2026 The Rewire authors",
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("A private journal and offline guide for people in, or "
                              "considering, ketamine-assisted therapy.\n\nRewire is not "
                              "medical advice and does not replace your care team. If "
                              "you are in crisis, open “Get Help Now” (F1).\n\nThe works "
                              "the guide cites are listed under Legal, and with notes "
                              "on each in its References chapter."),
                NULL);
  if (sources != NULL)
    adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Sources of the Guide"),
                                        NULL, GTK_LICENSE_CUSTOM, sources);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }
  return about;
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  RwApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (rw_application_new_about_window (window)));
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The safety plan, from Get Help Now, the main menu or the item-9 offer:
 * the one already open, or a new one over the window it was asked from. */
static void
safety_plan_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RwApplication *self = user_data;

  if (self->context == NULL)
    return;
  rw_safety_plan_window_present (self->context,
                                 gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* From a reminder's notification, through D-Bus activation: the app may
 * have been started just for this (no window yet) or be open already.
 * The window's own action then does what Ctrl+N or the Today card do. */
static void
activate_window_action (RwApplication *self,
                        const char    *name,
                        GVariant      *parameter)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (RW_IS_WINDOW (window))
    gtk_widget_activate_action_variant (GTK_WIDGET (window), name, parameter);
}

static void
new_check_in_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  activate_window_action (user_data, "win.new-check-in", NULL);
}

static void
questionnaire_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  activate_window_action (user_data, "win.questionnaire", parameter);
}

/* After a restore from the window: the journal there was closed; the
 * window goes and the journal opens again as at start-up, with
 * @parameter as a toast. */
static void
reload_journal_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  RwApplication *self = user_data;
  GList *windows;
  GtkWindow *window;

  g_application_hold (G_APPLICATION (self));
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  if (self->context != NULL)
    rw_journal_close (rw_context_get_journal (self->context));
  g_clear_object (&self->context);
  g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (RW_IS_WINDOW (window) && g_variant_get_string (parameter, NULL)[0] != '\0')
    {
      AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (rw_window_get_toasts (RW_WINDOW (window)), toast);
    }
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RwApplication *self = user_data;

  if (self->context == NULL)
    return;
  rw_preferences_window_present (self->context,
                                 gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static const GActionEntry app_actions[] = {
  { "reload-journal", reload_journal_cb, "s" },
  { "about", about_cb },
  { "quit", quit_cb },
  { "restore-backup", restore_backup_cb },
  { "safety-plan", safety_plan_cb },
  { "new-check-in", new_check_in_cb },
  { "questionnaire", questionnaire_cb, "s" },
  { "preferences", preferences_cb },
};

/**
 * rw_application_set_accels:
 * @app: an application
 *
 * Gives @app the window's keyboard shortcuts (also for tests, whose
 * application is a plain one); the shortcuts window lists each of them.
 */
void
rw_application_set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new-check-in", { "<Control>n", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.jump-to-date", { "<Control>g", NULL } },
    { "win.get-help", { "F1", NULL } },
    { "win.breathe", { "<Control>b", NULL } },
    { "win.report", { "<Control>p", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.view::journal", { "<Alt>1", NULL } },
    { "win.view::trends", { "<Alt>2", NULL } },
    { "win.view::guide", { "<Alt>3", NULL } },
    { "win.view::plan", { "<Alt>4", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

static void
rw_application_init (RwApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  /* Offered only once a whole backup is found. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "restore-backup")),
                               FALSE);
  rw_application_set_accels (GTK_APPLICATION (self));

  g_application_add_main_option (G_APPLICATION (self), "data-dir", 0, 0, G_OPTION_ARG_FILENAME,
                                 _("Keep the journal in DIR"), _("DIR"));
}

/**
 * rw_application_new:
 *
 * Returns: (transfer full): the application
 */
RwApplication *
rw_application_new (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return g_object_new (RW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/rewire/Rewire",
                       NULL);
}
