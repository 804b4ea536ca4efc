/* rw-journal-sessions.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-journal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rw-date.h"
#include "rw-journal-private.h"
#include "rw-journal-sessions.h"
#include "rw-session-sql.h"
#include "rw-validate.h"

static gboolean
write_valid (RwJournal    *self,
             RwWriteFunc   func,
             RwSession    *session,
             GError      **error)
{
  return rw_session_validate (session, error) &&
         rw_database_write (rw_journal_get_database (self), func, session, error);
}

/**
 * rw_journal_add_session:
 * @self: a #RwJournal
 * @session: a new session
 * @error: return location for a #GError
 *
 * Validates and saves @session (with its checklist and answers) in one
 * transaction; its created and modified times are set.
 */
gboolean
rw_journal_add_session (RwJournal  *self,
                        RwSession  *session,
                        GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (RW_IS_SESSION (session), FALSE);

  return write_valid (self, (RwWriteFunc) rw_session_sql_insert, session, error);
}

/**
 * rw_journal_update_session:
 * @self: a #RwJournal
 * @session: a session whose id is in the journal
 * @error: return location for a #GError
 *
 * Replaces everything stored of it, checklist and answers included.
 */
gboolean
rw_journal_update_session (RwJournal  *self,
                           RwSession  *session,
                           GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (RW_IS_SESSION (session), FALSE);

  return write_valid (self, (RwWriteFunc) rw_session_sql_update, session, error);
}

/**
 * rw_journal_lookup_session:
 * @self: a #RwJournal
 * @id: a session's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): a fresh copy of the stored visible
 *   session, or %NULL with %RW_DATABASE_ERROR_NOT_FOUND
 */
RwSession *
rw_journal_lookup_session (RwJournal   *self,
                           const char  *id,
                           GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return rw_session_sql_load (rw_journal_get_database (self), id, error);
}

/**
 * rw_journal_resolve_session_id:
 * @self: a #RwJournal
 * @id_or_prefix: a whole id or its first 8 or more characters
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the whole id
 */
char *
rw_journal_resolve_session_id (RwJournal   *self,
                               const char  *id_or_prefix,
                               GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (id_or_prefix != NULL, NULL);

  return rw_session_sql_resolve_id (rw_journal_get_database (self), id_or_prefix, error);
}

/**
 * rw_journal_list_sessions:
 * @self: a #RwJournal
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwSession) (nullable): every
 *   visible session, oldest first by date and time (one without a time
 *   first on its day)
 */
GPtrArray *
rw_journal_list_sessions (RwJournal  *self,
                          GError    **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  return rw_session_sql_list (rw_journal_get_database (self), NULL, NULL, error);
}

/**
 * rw_journal_list_sessions_range:
 * @self: a #RwJournal
 * @first: first day
 * @last: last day
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type RwSession) (nullable): the
 *   visible sessions dated from @first to @last, oldest first
 */
GPtrArray *
rw_journal_list_sessions_range (RwJournal  *self,
                                guint32     first,
                                guint32     last,
                                GError    **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  from = rw_date_to_iso (first);
  to = rw_date_to_iso (last);
  return rw_session_sql_list (rw_journal_get_database (self), from, to, error);
}

/**
 * rw_journal_next_session:
 * @self: a #RwJournal
 * @today: today, from the caller's clock
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first session not marked done
 *   dated @today or later (by date, then time), or %NULL without an
 *   error when none is scheduled
 */
RwSession *
rw_journal_next_session (RwJournal  *self,
                         guint32     today,
                         GError    **error)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  date = rw_date_to_iso (today);
  return rw_session_sql_next_scheduled (rw_journal_get_database (self), date, error);
}

typedef struct
{
  const char *id;
  gboolean flag;
} IdFlag;

static gboolean
set_done (RwDatabase  *db,
          IdFlag      *data,
          GError     **error)
{
  return rw_session_sql_set_done (db, data->id, data->flag, error);
}

/**
 * rw_journal_mark_session_done:
 * @self: a #RwJournal
 * @id: a session's id
 * @done: whether it took place
 * @error: return location for a #GError
 */
gboolean
rw_journal_mark_session_done (RwJournal   *self,
                              const char  *id,
                              gboolean     done,
                              GError     **error)
{
  IdFlag data = { id, done };

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rw_database_write (rw_journal_get_database (self), (RwWriteFunc) set_done, &data, error);
}

static gboolean
set_hidden (RwDatabase  *db,
            IdFlag      *data,
            GError     **error)
{
  return rw_session_sql_set_hidden (db, data->id, data->flag, error);
}

/**
 * rw_journal_hide_session:
 * @self: a #RwJournal
 * @id: a session's id
 * @error: return location for a #GError
 *
 * Deletes a session in a way that can be undone: it leaves every list,
 * lookup and search at once, and goes for good with
 * rw_journal_purge_session().
 */
gboolean
rw_journal_hide_session (RwJournal   *self,
                         const char  *id,
                         GError     **error)
{
  IdFlag data = { id, TRUE };

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rw_database_write (rw_journal_get_database (self), (RwWriteFunc) set_hidden, &data,
                            error);
}

/**
 * rw_journal_unhide_session:
 * @self: a #RwJournal
 * @id: a hidden session's id
 * @error: return location for a #GError
 *
 * Undoes rw_journal_hide_session(); everything of the session is back.
 */
gboolean
rw_journal_unhide_session (RwJournal   *self,
                           const char  *id,
                           GError     **error)
{
  IdFlag data = { id, FALSE };

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rw_database_write (rw_journal_get_database (self), (RwWriteFunc) set_hidden, &data,
                            error);
}

static gboolean
purge_one (RwDatabase  *db,
           gpointer     id,
           GError     **error)
{
  return rw_session_sql_purge_one (db, id, error);
}

/**
 * rw_journal_purge_session:
 * @self: a #RwJournal
 * @id: a session's id
 * @error: return location for a #GError
 *
 * Removes the session @id for good if it is still hidden (its Undo has
 * ended); other hidden sessions stay. Call rw_journal_scrub_async()
 * afterwards.
 */
gboolean
rw_journal_purge_session (RwJournal   *self,
                          const char  *id,
                          GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return rw_database_write (rw_journal_get_database (self), purge_one, (gpointer) id, error);
}

typedef struct
{
  const char *id;
  guint day;
  const char *answers[RW_N_INTEGRATION_PROMPTS];
} IntegrationData;

static gboolean
save_integration (RwDatabase       *db,
                  IntegrationData  *data,
                  GError          **error)
{
  return rw_session_sql_save_integration (db, data->id, data->day, data->answers[0],
                                          data->answers[1], data->answers[2], error);
}

/**
 * rw_journal_save_integration:
 * @self: a #RwJournal
 * @id: a session's id
 * @day: 1–3, the day after the session
 * @noticed: (nullable): what did you notice
 * @carry_forward: (nullable): what do you want to carry forward
 * @hard: (nullable): what was hard
 * @error: return location for a #GError
 *
 * Saves the answers of one day (replacing that day's; %NULL is empty),
 * and the journal search finds them.
 */
gboolean
rw_journal_save_integration (RwJournal   *self,
                             const char  *id,
                             guint        day,
                             const char  *noticed,
                             const char  *carry_forward,
                             const char  *hard,
                             GError     **error)
{
  IntegrationData data = { id, day, { noticed, carry_forward, hard } };

  g_return_val_if_fail (RW_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (day < 1 || day > RW_SESSION_INTEGRATION_DAYS)
    {
      g_set_error (error, RW_VALIDATION_ERROR, RW_VALIDATION_ERROR_INVALID,
                   _("Integration answers are for days 1 to %d after a session (got %u)."),
                   RW_SESSION_INTEGRATION_DAYS, day);
      return FALSE;
    }
  for (guint p = 0; p < RW_N_INTEGRATION_PROMPTS; p++)
    {
      if (data.answers[p] == NULL)
        data.answers[p] = "";
      if (!rw_session_validate_integration (data.answers[p], error))
        return FALSE;
    }

  return rw_database_write (rw_journal_get_database (self), (RwWriteFunc) save_integration, &data,
                            error);
}

/**
 * rw_journal_find_integration_session:
 * @self: a #RwJournal
 * @date: a day (a check-in's, say)
 * @day: (out) (optional): which day after the session @date is, 1–3
 * @error: return location for a #GError
 *
 * Finds the session whose integration window (the 1–3 days after it)
 * holds @date: of those dated 1 to 3 days before @date, one marked done
 * before one that is not, then the latest.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL without an
 *   error when @date is in no session's window
 */
RwSession *
rw_journal_find_integration_session (RwJournal  *self,
                                     guint32     date,
                                     guint      *day,
                                     GError    **error)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  RwSession *session;

  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  if (date <= RW_SESSION_INTEGRATION_DAYS)
    return NULL;
  first = rw_date_to_iso (date - RW_SESSION_INTEGRATION_DAYS);
  last = rw_date_to_iso (date - 1);
  session = rw_session_sql_find_integration (rw_journal_get_database (self), first, last, error);
  if (session != NULL && day != NULL)
    *day = date - rw_date_from_iso (rw_session_get_date (session));
  return session;
}

/**
 * rw_journal_search_sessions:
 * @self: a #RwJournal
 * @query: what a person typed in the journal's search box
 * @error: return location for a #GError
 *
 * The sessions side of the journal search: the words are matched as the
 * check-in search matches them (rw_search_build_match()), against each
 * session's note, intention and integration answers.
 *
 * Returns: (transfer full) (element-type RwSession) (nullable): the
 *   matching visible sessions, newest first
 */
GPtrArray *
rw_journal_search_sessions (RwJournal   *self,
                            const char  *query,
                            GError     **error)
{
  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  return rw_session_sql_search (rw_journal_get_database (self), query, error);
}

/* The list model of rw_journal_get_sessions(). */
#define RW_TYPE_SESSION_LIST (rw_session_list_get_type ())
G_DECLARE_FINAL_TYPE (RwSessionList, rw_session_list, RW, SESSION_LIST, GObject)

struct _RwSessionList
{
  GObject parent_instance;

  RwJournal *journal;   /* not owned: the journal owns the list */
  GPtrArray *sessions;
};

static GType
rw_session_list_get_item_type (GListModel *model)
{
  return RW_TYPE_SESSION;
}

static guint
rw_session_list_get_n_items (GListModel *model)
{
  return RW_SESSION_LIST (model)->sessions->len;
}

static gpointer
rw_session_list_get_item (GListModel *model,
                          guint       position)
{
  RwSessionList *self = RW_SESSION_LIST (model);

  if (position >= self->sessions->len)
    return NULL;
  return g_object_ref (self->sessions->pdata[position]);
}

static void
rw_session_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rw_session_list_get_item_type;
  iface->get_n_items = rw_session_list_get_n_items;
  iface->get_item = rw_session_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (RwSessionList, rw_session_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rw_session_list_model_init))

static void
rw_session_list_finalize (GObject *object)
{
  RwSessionList *self = RW_SESSION_LIST (object);

  g_ptr_array_unref (self->sessions);
  G_OBJECT_CLASS (rw_session_list_parent_class)->finalize (object);
}

static void
rw_session_list_class_init (RwSessionListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rw_session_list_finalize;
}

static void
rw_session_list_init (RwSessionList *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
rw_session_list_reload (RwSessionList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = rw_journal_list_sessions (self->journal, &error);
  guint removed = self->sessions->len;

  if (sessions == NULL)
    {
      /* The journal went away or cannot be read: keep what is shown. */
      g_debug ("Could not reload the sessions: %s", error->message);
      return;
    }
  g_ptr_array_unref (self->sessions);
  self->sessions = g_steal_pointer (&sessions);
  if (removed > 0 || self->sessions->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->sessions->len);
}

/**
 * rw_journal_get_sessions:
 * @self: a #RwJournal
 *
 * The journal's visible sessions as a list model, oldest first, read
 * when first asked for and read again whenever #RwJournal::changed is
 * emitted (the items are fresh objects after each change: edit copies,
 * save with rw_journal_update_session()).
 *
 * Returns: (transfer none): a #GListModel of #RwSession
 */
GListModel *
rw_journal_get_sessions (RwJournal *self)
{
  RwSessionList *list;

  g_return_val_if_fail (RW_IS_JOURNAL (self), NULL);

  list = g_object_get_data (G_OBJECT (self), "rw-session-list");
  if (list != NULL)
    return G_LIST_MODEL (list);

  list = g_object_new (RW_TYPE_SESSION_LIST, NULL);
  list->journal = self;
  g_object_set_data_full (G_OBJECT (self), "rw-session-list", list, g_object_unref);
  g_signal_connect_object (self, "changed", G_CALLBACK (rw_session_list_reload), list,
                           G_CONNECT_SWAPPED);
  rw_session_list_reload (list);
  return G_LIST_MODEL (list);
}
