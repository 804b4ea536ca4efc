/* rw-plan.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-plan"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "rw-check-in-sql.h"
#include "rw-date.h"
#include "rw-plan-sql.h"
#include "rw-plan.h"
#include "rw-plan-resources.h"

#define PLAN_RESOURCE "/io/github/rewire/Rewire/plans/%s.json"

static void
task_free (RwPlanTask *task)
{
  g_free (task->id);
  g_free (task->text);
  g_strfreev (task->tags);
  g_free (task->link);
  g_free (task->prompt);
  g_free (task);
}

static void
item_free (RwPlanItem *item)
{
  g_free (item->id);
  g_free (item->text);
  g_free (item);
}

void
rw_plan_free (RwPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->id);
  g_free (plan->title);
  g_free (plan->summary);
  g_free (plan->mood_drops);
  g_free (plan->mood_drops_link);
  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    {
      g_free (plan->days[d].title);
      g_free (plan->days[d].why);
      g_clear_pointer (&plan->days[d].tasks, g_ptr_array_unref);
    }
  g_clear_pointer (&plan->checklist, g_ptr_array_unref);
  g_free (plan);
}

static gboolean
bad_plan (GError    **error,
          const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The plan data is not valid: %s"), what);
  return FALSE;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static RwPlanTask *
parse_task (JsonObject  *object,
            GError     **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  RwPlanTask *task;
  const char *id = member_string (object, "id");
  const char *text = member_string (object, "text");
  const char *kind = member_string (object, "kind");
  static const char * const kinds[] = { "manual", "check-in", "tag", "breathing", "reflection" };
  guint k;

  if (id == NULL || text == NULL || kind == NULL)
    return bad_plan (error, "a task needs an id, a text and a kind"), NULL;
  for (k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_str_equal (kind, kinds[k]))
      break;
  if (k == G_N_ELEMENTS (kinds))
    return bad_plan (error, kind), NULL;

  task = g_new0 (RwPlanTask, 1);
  task->id = g_strdup (id);
  task->text = g_strdup (text);
  task->kind = (RwTaskKind) k;
  task->link = g_strdup (member_string (object, "link"));
  task->prompt = g_strdup (member_string (object, "prompt"));
  task->minutes = (guint) json_object_get_int_member_with_default (object, "minutes", 10);
  if (json_object_has_member (object, "tags"))
    {
      JsonArray *array = json_object_get_array_member (object, "tags");

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        g_ptr_array_add (tags, g_strdup (json_array_get_string_element (array, i)));
    }
  g_ptr_array_add (tags, NULL);
  task->tags = (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
  if (task->kind == RW_TASK_TAG && task->tags[0] == NULL)
    {
      task_free (task);
      return bad_plan (error, "a tag task names no tags"), NULL;
    }
  return task;
}

RwPlan *
rw_plan_parse (const char  *json,
               gsize        length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(RwPlan) plan = g_new0 (RwPlan, 1);
  JsonObject *root;
  JsonArray *days, *checklist;

  if (!json_parser_load_from_data (parser, json, (gssize) length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bad_plan (error, "not an object"), NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  if (member_string (root, "id") == NULL || member_string (root, "title") == NULL)
    return bad_plan (error, "no id or title"), NULL;
  plan->id = g_strdup (member_string (root, "id"));
  plan->title = g_strdup (member_string (root, "title"));
  plan->summary = g_strdup (member_string (root, "summary"));
  if (json_object_has_member (root, "if_mood_drops"))
    {
      JsonObject *note = json_object_get_object_member (root, "if_mood_drops");

      if (note == NULL || member_string (note, "text") == NULL || member_string (note, "link") == NULL)
        return bad_plan (error, "if_mood_drops needs a text and a link"), NULL;
      plan->mood_drops = g_strdup (member_string (note, "text"));
      plan->mood_drops_link = g_strdup (member_string (note, "link"));
    }

  days = json_object_has_member (root, "days") ? json_object_get_array_member (root, "days") : NULL;
  if (days == NULL || json_array_get_length (days) != RW_PLAN_DAYS)
    return bad_plan (error, "it needs exactly 7 days"), NULL;
  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      JsonArray *tasks;

      if (day == NULL || member_string (day, "title") == NULL || member_string (day, "why") == NULL)
        return bad_plan (error, "a day needs a title and a why"), NULL;
      plan->days[d].number = d + 1;
      plan->days[d].title = g_strdup (member_string (day, "title"));
      plan->days[d].why = g_strdup (member_string (day, "why"));
      plan->days[d].tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
      tasks = json_object_has_member (day, "tasks") ? json_object_get_array_member (day, "tasks") : NULL;
      if (tasks == NULL || json_array_get_length (tasks) == 0)
        return bad_plan (error, "every day needs at least one task"), NULL;
      for (guint t = 0; t < json_array_get_length (tasks); t++)
        {
          RwPlanTask *task = parse_task (json_array_get_object_element (tasks, t), error);

          if (task == NULL)
            return NULL;
          g_ptr_array_add (plan->days[d].tasks, task);
        }
    }

  plan->checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  checklist = json_object_has_member (root, "checklist")
                ? json_object_get_array_member (root, "checklist") : NULL;
  for (guint i = 0; checklist != NULL && i < json_array_get_length (checklist); i++)
    {
      JsonObject *object = json_array_get_object_element (checklist, i);
      RwPlanItem *item;

      if (object == NULL || member_string (object, "id") == NULL || member_string (object, "text") == NULL)
        return bad_plan (error, "a checklist item needs an id and a text"), NULL;
      item = g_new0 (RwPlanItem, 1);
      item->id = g_strdup (member_string (object, "id"));
      item->text = g_strdup (member_string (object, "text"));
      g_ptr_array_add (plan->checklist, item);
    }

  return g_steal_pointer (&plan);
}

RwPlan *
rw_plan_load (const char  *id,
              GError     **error)
{
  g_autofree char *path = g_strdup_printf (PLAN_RESOURCE, id);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = g_resource_lookup_data (rw_plans_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return rw_plan_parse (data, length, error);
}

RwPlanTask *
rw_plan_find_task (RwPlan     *plan,
                   const char *task_id,
                   guint      *day)
{
  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    for (guint t = 0; t < plan->days[d].tasks->len; t++)
      {
        RwPlanTask *task = g_ptr_array_index (plan->days[d].tasks, t);

        if (g_str_equal (task->id, task_id))
          {
            if (day != NULL)
              *day = d + 1;
            return task;
          }
      }
  return NULL;
}

void
rw_plan_run_free (RwPlanRun *run)
{
  if (run == NULL)
    return;
  g_free (run->plan_id);
  g_free (run);
}

static RwPlanRun *
run_from_row (sqlite3_stmt *stmt)
{
  RwPlanRun *run = g_new0 (RwPlanRun, 1);

  run->id = sqlite3_column_int64 (stmt, 0);
  run->plan_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  run->start = rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 2));
  run->paused_on = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                     ? 0 : rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 3));
  run->ended = sqlite3_column_int (stmt, 4) != 0;
  run->created = sqlite3_column_int64 (stmt, 5);
  return run;
}

#define RUN_COLUMNS "id, plan_id, start_date, paused_on, coalesce (ended, 0), created"

/* Binds ?1, ?2, ... from pairs of a kind ("i": a gint64, "s": a string)
 * and a value, up to a NULL kind. */
static void
bind_args (sqlite3_stmt *stmt,
           va_list       args)
{
  const char *kind;
  int i = 1;

  while ((kind = va_arg (args, const char *)) != NULL)
    {
      if (g_str_equal (kind, "i"))
        sqlite3_bind_int64 (stmt, i++, va_arg (args, gint64));
      else
        sqlite3_bind_text (stmt, i++, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
    }
}

static gboolean
exec_one (RwDatabase  *db,
          const char  *sql,
          const char  *doing,
          GError     **error,
          ...)
{
  sqlite3_stmt *stmt = rw_database_prepare (db, sql, error);
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, error);
  bind_args (stmt, args);
  va_end (args);
  return rw_database_step_done (db, stmt, doing, error);
}

static gboolean
write_run_func (RwDatabase  *db,
                RwPlanRun   *run,
                GError     **error)
{
  g_autofree char *start = rw_date_to_iso (run->start);
  g_autofree char *paused = run->paused_on != 0 ? rw_date_to_iso (run->paused_on) : NULL;
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "UPDATE plan_runs SET start_date = ?2, "
                                                    "paused_on = ?3, ended = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run->id);
  sqlite3_bind_text (stmt, 2, start, -1, SQLITE_TRANSIENT);
  if (paused != NULL)
    sqlite3_bind_text (stmt, 3, paused, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, run->ended);
  return rw_database_step_done (db, stmt, _("save the plan"), error);
}

/* Saves @changed (a copy of @run with new values) and only then takes its
 * values into @run, so that a failed write leaves @run as it is stored. */
static gboolean
write_run (RwDatabase  *db,
           RwPlanRun   *run,
           RwPlanRun   *changed,
           GError     **error)
{
  if (!rw_database_write (db, (RwWriteFunc) write_run_func, changed, error))
    return FALSE;
  run->start = changed->start;
  run->paused_on = changed->paused_on;
  run->ended = changed->ended;
  return TRUE;
}

typedef struct
{
  const char *plan_id;
  const char *start;
} StartData;

static gboolean
start_func (RwDatabase  *db,
            StartData   *data,
            GError     **error)
{
  return exec_one (db, "UPDATE plan_runs SET ended = 1 WHERE plan_id = ?1 AND coalesce (ended, 0) = 0",
                   _("end the plan"), error, "s", data->plan_id, NULL) &&
         exec_one (db, "INSERT INTO plan_runs (plan_id, start_date, created) VALUES (?1, ?2, ?3)",
                   _("start the plan"), error, "s", data->plan_id, "s", data->start,
                   "i", g_get_real_time (), NULL);
}

RwPlanRun *
rw_plan_start (RwDatabase  *db,
               RwPlan      *plan,
               guint32      start,
               GError     **error)
{
  g_autofree char *start_iso = rw_date_to_iso (start);
  StartData data = { plan->id, start_iso };
  g_autoptr(RwPlanRun) run = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!rw_database_write (db, (RwWriteFunc) start_func, &data, error))
    return NULL;
  run = rw_plan_get_active (db, plan, &local_error);
  if (run == NULL && local_error == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The plan was started but could not be read back."));
  if (run == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return g_steal_pointer (&run);
}

RwPlanRun *
rw_plan_get_active (RwDatabase  *db,
                    RwPlan      *plan,
                    GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT " RUN_COLUMNS " FROM plan_runs "
                                                    "WHERE plan_id = ?1 AND coalesce (ended, 0) = 0 "
                                                    "ORDER BY id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan->id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return run_from_row (stmt);
  if (rc != SQLITE_DONE)
    rw_database_set_error (db, rc, _("read the plan"), error);
  return NULL;
}

GPtrArray *
rw_plan_list_runs (RwDatabase  *db,
                   RwPlan      *plan,
                   GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT " RUN_COLUMNS " FROM plan_runs "
                                                    "WHERE plan_id = ?1 ORDER BY id DESC", error);
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_plan_run_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, plan->id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (runs, run_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the plan"), error);
      return NULL;
    }
  return g_steal_pointer (&runs);
}

gboolean
rw_plan_end (RwDatabase  *db,
             RwPlanRun   *run,
             GError     **error)
{
  RwPlanRun changed = *run;

  changed.ended = TRUE;
  return write_run (db, run, &changed, error);
}

gboolean
rw_plan_pause (RwDatabase  *db,
               RwPlanRun   *run,
               guint32      today,
               GError     **error)
{
  RwPlanRun changed = *run;

  if (run->paused_on != 0)
    return TRUE;
  changed.paused_on = today;
  return write_run (db, run, &changed, error);
}

gboolean
rw_plan_resume (RwDatabase  *db,
                RwPlanRun   *run,
                guint32      today,
                GError     **error)
{
  RwPlanRun changed = *run;

  if (run->paused_on == 0)
    return TRUE;
  if (today > run->paused_on)
    changed.start += today - run->paused_on;
  changed.paused_on = 0;
  return write_run (db, run, &changed, error);
}

gboolean
rw_plan_shift (RwDatabase  *db,
               RwPlanRun   *run,
               int          days,
               GError     **error)
{
  RwPlanRun changed = *run;

  if (days < 0 && (guint32) -days >= run->start)
    days = 1 - (int) run->start;
  changed.start += days;
  return write_run (db, run, &changed, error);
}

guint
rw_plan_run_get_day (RwPlanRun *run,
                     guint32    today)
{
  guint32 on = run->paused_on != 0 ? MIN (run->paused_on, today) : today;

  if (on < run->start)
    return 0;
  return MIN (on - run->start + 1, RW_PLAN_DAYS + 1);
}

guint32
rw_plan_run_get_date (RwPlanRun *run,
                      guint      day)
{
  return run->start + day - 1;
}

typedef struct
{
  gint64 run;
  const char *item;
  gboolean checked;
  const char *source;
} CheckData;

static gboolean
insert_check (RwDatabase  *db,
              CheckData   *data,
              GError     **error)
{
  /* A row with checked = 0 records that the person unticked it. */
  return exec_one (db, "INSERT INTO plan_checks (run, item, checked, source) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (run, item) DO UPDATE SET checked = ?3, source = ?4",
                   _("save the plan"), error, "i", data->run, "s", data->item,
                   "i", data->checked ? g_get_real_time () : (gint64) 0,
                   "s", data->source != NULL ? data->source : "manual", NULL);
}

gboolean
rw_plan_set_checked (RwDatabase  *db,
                     RwPlanRun   *run,
                     const char  *item,
                     gboolean     checked,
                     const char  *source,
                     GError     **error)
{
  CheckData data = { run->id, item, checked, source };

  return rw_database_write (db, (RwWriteFunc) insert_check, &data, error);
}

void
rw_plan_check_free (RwPlanCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->source);
  g_free (check);
}

GHashTable *
rw_plan_list_checks (RwDatabase  *db,
                     RwPlanRun   *run,
                     GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT item, checked, source FROM plan_checks "
                                                    "WHERE run = ?1", error);
  g_autoptr(GHashTable) checks = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) rw_plan_check_free);
  sqlite3_bind_int64 (stmt, 1, run->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RwPlanCheck *check = g_new0 (RwPlanCheck, 1);

      check->checked = sqlite3_column_int64 (stmt, 1);
      check->source = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_hash_table_replace (checks, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), check);
    }
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the plan"), error);
      return NULL;
    }
  return g_steal_pointer (&checks);
}

/* Returns the time it was checked (0 if not), and whether a row exists. */
static gint64
lookup_check (RwDatabase  *db,
              RwPlanRun   *run,
              const char  *item,
              gboolean    *exists,
              char       **source)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT checked, source FROM plan_checks "
                                                    "WHERE run = ?1 AND item = ?2", NULL);
  gint64 when = 0;

  if (exists != NULL)
    *exists = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, run->id);
  sqlite3_bind_text (stmt, 2, item, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      when = sqlite3_column_int64 (stmt, 0);
      if (exists != NULL)
        *exists = TRUE;
      if (source != NULL)
        *source = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  return when;
}

gint64
rw_plan_get_checked (RwDatabase  *db,
                     RwPlanRun   *run,
                     const char  *item,
                     char       **source)
{
  return lookup_check (db, run, item, NULL, source);
}

typedef struct
{
  gint64 run;
  guint day;
  const char *note;
} NoteData;

static gboolean
write_note (RwDatabase  *db,
            NoteData    *data,
            GError     **error)
{
  if (data->note == NULL || *data->note == '\0')
    return exec_one (db, "DELETE FROM plan_day_notes WHERE run = ?1 AND day = ?2",
                     _("save the note"), error, "i", data->run, "i", (gint64) data->day, NULL);
  return exec_one (db, "INSERT INTO plan_day_notes (run, day, note, modified) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (run, day) DO UPDATE SET note = ?3, modified = ?4",
                   _("save the note"), error, "i", data->run, "i", (gint64) data->day,
                   "s", data->note, "i", g_get_real_time (), NULL);
}

gboolean
rw_plan_set_note (RwDatabase  *db,
                  RwPlanRun   *run,
                  guint        day,
                  const char  *note,
                  GError     **error)
{
  NoteData data = { run->id, day, note };

  g_return_val_if_fail (day >= 1 && day <= RW_PLAN_DAYS, FALSE);

  return rw_database_write (db, (RwWriteFunc) write_note, &data, error);
}

char *
rw_plan_get_note (RwDatabase *db,
                  RwPlanRun  *run,
                  guint       day)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT note FROM plan_day_notes "
                                                    "WHERE run = ?1 AND day = ?2", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, run->id);
  sqlite3_bind_int (stmt, 2, (int) day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return NULL;
}

static gboolean
query_exists (RwDatabase *db,
              const char *sql,
              ...)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, sql, NULL);
  va_list args;

  if (stmt == NULL)
    return FALSE;
  va_start (args, sql);
  bind_args (stmt, args);
  va_end (args);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Whether a visible check-in matches @query; a failed read counts as no. */
static gboolean
any_check_in (RwDatabase           *db,
              const RwCheckInQuery *query)
{
  gboolean found = FALSE;

  return rw_check_in_sql_any (db, query, &found, NULL) && found;
}

static gboolean
task_done_in_journal (RwDatabase *db,
                      RwPlanRun  *run,
                      RwPlanTask *task,
                      guint       day)
{
  g_autofree char *date = rw_date_to_iso (rw_plan_run_get_date (run, day));

  switch (task->kind)
    {
    case RW_TASK_CHECK_IN:
      {
        /* "Your first check-in": one saved before the plan started, or
         * imported, is a first check-in too. */
        RwCheckInQuery all = { NULL };

        return any_check_in (db, &all);
      }
    case RW_TASK_TAG:
      /* Tag names compare without case (the column's collation). */
      for (guint i = 0; task->tags[i] != NULL; i++)
        {
          RwCheckInQuery tagged = { .from = date, .to = date, .tag = task->tags[i] };

          if (any_check_in (db, &tagged))
            return TRUE;
        }
      return FALSE;
    case RW_TASK_BREATHING:
      {
        /* Sessions are kept with their end time; the day starts at local
         * midnight. */
        g_autoptr(GDateTime) midnight = rw_date_to_date_time (rw_plan_run_get_date (run, day), 0, 0);

        return query_exists (db, "SELECT 1 FROM breathing_sessions WHERE seconds >= ?1 AND finished >= ?2",
                             "i", (gint64) task->minutes * 60,
                             "i", g_date_time_to_unix (midnight) * G_USEC_PER_SEC, NULL);
      }
    case RW_TASK_MANUAL:
    case RW_TASK_REFLECTION:
    default:
      return FALSE;
    }
}

static gboolean
insert_checks (RwDatabase  *db,
               GArray      *checks,
               GError     **error)
{
  for (guint i = 0; i < checks->len; i++)
    if (!insert_check (db, &g_array_index (checks, CheckData, i), error))
      return FALSE;
  return TRUE;
}

guint
rw_plan_refresh (RwDatabase  *db,
                 RwPlan      *plan,
                 RwPlanRun   *run,
                 GError     **error)
{
  static const char * const sources[] = { "manual", "check-in", "tag", "breathing", "reflection" };
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (CheckData));

  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    for (guint t = 0; t < plan->days[d].tasks->len; t++)
      {
        RwPlanTask *task = g_ptr_array_index (plan->days[d].tasks, t);
        gboolean exists = FALSE;

        if (task->kind == RW_TASK_MANUAL || task->kind == RW_TASK_REFLECTION)
          continue;
        /* Ticked already, or unticked by hand: leave it. */
        lookup_check (db, run, task->id, &exists, NULL);
        if (exists)
          continue;
        if (task_done_in_journal (db, run, task, d + 1))
          {
            CheckData tick = { run->id, task->id, TRUE, sources[task->kind] };

            g_array_append_val (ticks, tick);
          }
      }

  /* All of them in one transaction: one change for everyone to see. */
  if (ticks->len == 0 || !rw_database_write (db, (RwWriteFunc) insert_checks, ticks, error))
    return 0;
  return ticks->len;
}

void
rw_plan_count_tasks (RwDatabase *db,
                     RwPlan     *plan,
                     RwPlanRun  *run,
                     guint      *done,
                     guint      *total)
{
  guint d_done = 0, d_total = 0;

  for (guint d = 0; d < RW_PLAN_DAYS; d++)
    for (guint t = 0; t < plan->days[d].tasks->len; t++)
      {
        RwPlanTask *task = g_ptr_array_index (plan->days[d].tasks, t);

        d_total++;
        if (run != NULL && rw_plan_get_checked (db, run, task->id, NULL) > 0)
          d_done++;
      }
  if (done != NULL)
    *done = d_done;
  if (total != NULL)
    *total = d_total;
}

typedef struct
{
  const char *pattern;
  guint seconds;
  gint64 finished;
} BreathingData;

static gboolean
insert_breathing (RwDatabase     *db,
                  BreathingData  *data,
                  GError        **error)
{
  return exec_one (db, "INSERT INTO breathing_sessions (pattern, seconds, finished) VALUES (?1, ?2, ?3)",
                   _("save the breathing session"), error, "s", data->pattern,
                   "i", (gint64) data->seconds, "i", data->finished, NULL);
}

gboolean
rw_breathing_record (RwDatabase  *db,
                     const char  *pattern,
                     guint        seconds,
                     gint64       finished,
                     GError     **error)
{
  BreathingData data = { pattern, seconds, finished };

  return rw_database_write (db, (RwWriteFunc) insert_breathing, &data, error);
}
