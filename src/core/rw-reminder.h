/* rw-reminder.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reminders as systemd user timers: nothing of Rewire runs until the
 * timer starts `rewire remind`, which sends one notification and exits.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RwReminderKind:
 * @RW_REMINDER_DAILY: every day, unless today has a check-in
 * @RW_REMINDER_QUESTIONNAIRE: every day, only when a PHQ-9 or GAD-7 is due
 */
typedef enum
{
  RW_REMINDER_DAILY,
  RW_REMINDER_QUESTIONNAIRE,
} RwReminderKind;

const char *rw_reminder_get_unit_name     (RwReminderKind        kind);
char       *rw_reminder_dup_unit_dir      (void);
char       *rw_reminder_dup_binary        (void);
gboolean    rw_reminder_has_user_manager  (void);
char       *rw_reminder_dup_timer_text    (RwReminderKind        kind,
                                           guint                 hour,
                                           guint                 minute);
char       *rw_reminder_dup_service_text  (RwReminderKind        kind,
                                           const char           *binary,
                                           const char           *data_dir);
gboolean    rw_reminder_write_units       (RwReminderKind        kind,
                                           const char           *binary,
                                           const char           *data_dir,
                                           guint                 hour,
                                           guint                 minute,
                                           GError              **error);
gboolean    rw_reminder_remove_units      (RwReminderKind        kind,
                                           GError              **error);
void        rw_reminder_enable_async      (RwReminderKind        kind,
                                           const char           *binary,
                                           const char           *data_dir,
                                           guint                 hour,
                                           guint                 minute,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    rw_reminder_enable_finish     (GAsyncResult         *result,
                                           GError              **error);
void        rw_reminder_disable_async     (RwReminderKind        kind,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean    rw_reminder_disable_finish    (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
