/* rw-json-full.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything a Rewire JSON export holds besides the check-ins, in lists
 * after "check_ins" (version 2; docs/FORMATS.md):
 *
 *   "sessions": [ { "id", "date", "time", "route", …, "checklist": [ … ],
 *                   "integration": [ … ] } ],
 *   "assessments": [ … ], "safety_plan": [ … ],
 *   "plan_runs": [ { "plan_id", "start_date", …, "checks": [ … ],
 *                    "day_notes": [ … ] } ],
 *   "breathing_sessions": [ … ]
 *
 * Each list is described once, as a table of fields (their name in the
 * file, their column in the journal, their type and range), and read,
 * checked, written and merged from that table, so that the file and the
 * journal cannot drift apart one column at a time. Drafts are never
 * exported, nor rows hidden while their Undo is offered.
 */
#define G_LOG_DOMAIN "rw-json-full"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rw-date.h"
#include "rw-json-full.h"
#include "rw-json-io.h"
#include "rw-session.h"
#include "rw-session-sql.h"
#include "rw-validate.h"

typedef enum
{
  F_UUID,     /* text, a UUID, kept in lower case */
  F_DATE,     /* text, YYYY-MM-DD */
  F_HHMM,     /* text, HH:MM */
  F_TEXT,     /* text, any (or one of keys) */
  F_INT,      /* a whole number from min to max */
  F_BOOL,     /* true or false, kept as 1 or 0 */
  F_STAMP,    /* an ISO 8601 date and time, kept as µs since the epoch */
  F_KEYS,     /* a list of keys, kept comma-separated */
} FieldType;

#define REQUIRED (1 << 0)
#define NULLABLE (1 << 1)

typedef struct
{
  const char *name;            /* in the file */
  const char *column;          /* in the journal */
  FieldType type;
  guint flags;
  gint64 min, max;             /* F_INT; F_TEXT: at most max characters when > 0 */
  const char * const *keys;    /* F_TEXT, F_KEYS: the values allowed */
  const char *fallback;        /* text when left out */
} Field;

typedef struct
{
  gboolean null;
  gint64 i;
  char *s;
} Value;

typedef struct _Kind Kind;

typedef struct
{
  const Kind *kind;
  guint index;                 /* in its list, from 1 */
  Value *values;
  GPtrArray *children[2];
} Row;

struct _Kind
{
  const char *member;          /* the list in the file */
  const char *table;
  const Field *fields;
  guint n_fields;
  const char *parent_column;   /* for a child list */
  const char *where;           /* which rows are exported */
  const char *order;
  int unique;                  /* a field no two items of the list share, or -1 */
  const char *match;           /* finds the row already in the journal */
  guint n_match;               /* bound from the first fields */
  gboolean (*check) (Row *row, char **message);
  const Kind *children[2];
  guint max_items;             /* 0: any number */
};

static const char * const routes[] = { "iv", "im", "nasal", "oral", "other", NULL };
static const char * const phases[] = { "induction", "booster", "maintenance", "other", NULL };
static const char * const side_effects[] = { "nausea", "vomiting", "headache", "dizziness",
                                             "drowsiness", "raised-bp", "urinary", "other",
                                             NULL };
static const char * const forms[] = { "phq9", "gad7", NULL };
static const char * const sections[] = { "warning-signs", "coping", "distractions", "people",
                                         "professionals", "environment", "reasons", NULL };

static const Field checklist_fields[] = {
  { "position", "position", F_INT, REQUIRED, 0, G_MAXINT32 },
  { "label", "label", F_TEXT, 0, 0, RW_SESSION_SHORT_TEXT_MAX_CHARS },
  { "checked", "checked", F_BOOL },
};

static const Field integration_fields[] = {
  { "day", "day", F_INT, REQUIRED, 1, 3 },
  { "noticed", "noticed", F_TEXT },
  { "carry_forward", "carry_forward", F_TEXT },
  { "hard", "hard", F_TEXT },
  { "modified", "modified", F_STAMP },
};

/* Indices into session_fields, for the checks across fields. */
enum { S_BP_BEFORE_SYS = 9, S_BP_BEFORE_DIA, S_HR_BEFORE, S_BP_AFTER_SYS, S_BP_AFTER_DIA };

static const Field session_fields[] = {
  { "id", "uuid", F_UUID, REQUIRED },
  { "date", "date", F_DATE, REQUIRED },
  { "time", "time", F_HHMM, NULLABLE },
  { "route", "route", F_TEXT, 0, 0, 0, routes, "other" },
  { "phase", "phase", F_TEXT, 0, 0, 0, phases, "other" },
  { "provider", "provider", F_TEXT, 0, 0, RW_SESSION_SHORT_TEXT_MAX_CHARS },
  { "dose", "dose", F_TEXT, 0, 0, RW_SESSION_SHORT_TEXT_MAX_CHARS },
  { "done", "done", F_BOOL },
  { "intention", "intention", F_TEXT },
  { "bp_before_systolic", "bp_before_systolic", F_INT, NULLABLE, 40, 300 },
  { "bp_before_diastolic", "bp_before_diastolic", F_INT, NULLABLE, 20, 200 },
  { "hr_before", "hr_before", F_INT, NULLABLE, 20, 250 },
  { "bp_after_systolic", "bp_after_systolic", F_INT, NULLABLE, 40, 300 },
  { "bp_after_diastolic", "bp_after_diastolic", F_INT, NULLABLE, 20, 200 },
  { "hr_after", "hr_after", F_INT, NULLABLE, 20, 250 },
  { "intensity", "intensity", F_INT, NULLABLE, 0, 10 },
  { "detached", "detached", F_INT, NULLABLE, 0, 10 },
  { "side_effects", "side_effects", F_KEYS, 0, 0, 0, side_effects },
  { "side_effects_other", "side_effects_other", F_TEXT },
  { "note", "note", F_TEXT },
  { "created", "created", F_STAMP },
  { "modified", "modified", F_STAMP },
};

enum { A_KIND = 1, A_ANSWERS = 4, A_TOTAL, A_DIFFICULTY };

static const Field assessment_fields[] = {
  { "id", "uuid", F_UUID, REQUIRED },
  { "kind", "kind", F_TEXT, REQUIRED, 0, 0, forms },
  { "date", "date", F_DATE, REQUIRED },
  { "time", "time", F_HHMM, 0, 0, 0, NULL, "12:00" },
  { "answers", "answers", F_TEXT, REQUIRED },
  { "total", "total", F_INT, REQUIRED, 0, 27 },
  { "difficulty", "difficulty", F_INT, NULLABLE, 0, 3 },
  { "created", "created", F_STAMP },
  { "modified", "modified", F_STAMP },
};

static const Field safety_fields[] = {
  { "section", "section", F_TEXT, REQUIRED, 0, 0, sections },
  { "body", "body", F_TEXT },
  { "modified", "modified", F_STAMP },
};

static const Field plan_check_fields[] = {
  { "item", "item", F_TEXT, REQUIRED },
  { "checked", "checked", F_STAMP, REQUIRED },
  { "source", "source", F_TEXT, 0, 0, 0, NULL, "manual" },
};

static const Field plan_note_fields[] = {
  { "day", "day", F_INT, REQUIRED, 1, 7 },
  { "note", "note", F_TEXT },
  { "modified", "modified", F_STAMP },
};

enum { R_ENDED = 3 };

static const Field plan_run_fields[] = {
  { "plan_id", "plan_id", F_TEXT, REQUIRED },
  { "start_date", "start_date", F_DATE, REQUIRED },
  { "paused_on", "paused_on", F_DATE, NULLABLE },
  { "ended", "ended", F_INT, NULLABLE, 0, 1 },
  { "created", "created", F_STAMP },
};

static const Field breathing_fields[] = {
  { "pattern", "pattern", F_TEXT, REQUIRED },
  { "seconds", "seconds", F_INT, REQUIRED, 0, G_MAXINT32 },
  { "finished", "finished", F_STAMP, REQUIRED },
};

static gboolean check_session    (Row *row, char **message);
static gboolean check_assessment (Row *row, char **message);

static const Kind checklist_kind = {
  "checklist", "session_checklist", checklist_fields, G_N_ELEMENTS (checklist_fields),
  "session", NULL, "position", 0, .max_items = RW_SESSION_CHECKLIST_MAX,
};

static const Kind integration_kind = {
  "integration", "session_integration", integration_fields, G_N_ELEMENTS (integration_fields),
  "session", NULL, "day", 0,
};

static const Kind plan_check_kind = {
  "checks", "plan_checks", plan_check_fields, G_N_ELEMENTS (plan_check_fields),
  "run", NULL, "item", 0,
};

static const Kind plan_note_kind = {
  "day_notes", "plan_day_notes", plan_note_fields, G_N_ELEMENTS (plan_note_fields),
  "run", NULL, "day", 0,
};

/* The lists of the file, in the order they are written. */
enum { K_SESSIONS, K_ASSESSMENTS, K_SAFETY_PLAN, K_PLAN_RUNS, K_BREATHING, N_KINDS };

static const Kind kinds[N_KINDS] = {
  { "sessions", "sessions", session_fields, G_N_ELEMENTS (session_fields),
    NULL, "hidden = 0", "date, time, created", -1,
    "SELECT id FROM sessions WHERE uuid = ?1", 1, check_session,
    { &checklist_kind, &integration_kind } },
  { "assessments", "assessments", assessment_fields, G_N_ELEMENTS (assessment_fields),
    NULL, "hidden = 0", "date, time, created", -1,
    "SELECT id FROM assessments WHERE uuid = ?1", 1, check_assessment },
  { "safety_plan", "safety_plan", safety_fields, G_N_ELEMENTS (safety_fields),
    NULL, "body != ''", "section", 0 },
  { "plan_runs", "plan_runs", plan_run_fields, G_N_ELEMENTS (plan_run_fields),
    NULL, NULL, "created, id", -1,
    "SELECT id FROM plan_runs WHERE plan_id = ?1 AND start_date = ?2", 2, NULL,
    { &plan_check_kind, &plan_note_kind } },
  { "breathing_sessions", "breathing_sessions", breathing_fields, G_N_ELEMENTS (breathing_fields),
    NULL, NULL, "finished, id", -1,
    "SELECT id FROM breathing_sessions WHERE pattern = ?1 AND seconds = ?2 AND finished = ?3", 3 },
};

struct _RwJsonFull
{
  GPtrArray *rows[N_KINDS];
};

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->kind->n_fields; i++)
    g_free (row->values[i].s);
  g_free (row->values);
  for (guint c = 0; c < G_N_ELEMENTS (row->children); c++)
    g_clear_pointer (&row->children[c], g_ptr_array_unref);
  g_free (row);
}

void
rw_json_full_free (RwJsonFull *full)
{
  if (full == NULL)
    return;
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&full->rows[k], g_ptr_array_unref);
  g_free (full);
}

/**
 * rw_json_full_count:
 * @full: what rw_json_parse() read
 * @member: a list of the file ("sessions", "assessments", …)
 *
 * Returns: how many items the file's list holds
 */
guint
rw_json_full_count (RwJsonFull *full,
                    const char *member)
{
  g_return_val_if_fail (full != NULL, 0);
  g_return_val_if_fail (member != NULL, 0);

  for (guint k = 0; k < N_KINDS; k++)
    if (g_str_equal (kinds[k].member, member))
      return full->rows[k]->len;
  g_return_val_if_reached (0);
}

/* Reading */

static char *
join_keys (const char * const *keys)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", keys[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_key (const char * const *keys,
        const char         *text)
{
  return g_strv_contains (keys, text);
}

/* A value of the file as a message shows it: at most 40 characters, no
 * control characters (a terminal would run them). */
static char *
quote_value (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < 40; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, '?');
      else
        g_string_append_unichar (out, c);
    }
  if (g_utf8_strlen (text, -1) > 40)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
holds_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* Reads one field of @object into @value; on a bad value, returns FALSE
 * with a message naming the field. */
static gboolean
read_value (JsonObject   *object,
            const Field  *field,
            Value        *value,
            char        **message)
{
  JsonNode *node = json_object_get_member (object, field->name);
  g_autoptr(GError) local = NULL;
  const char *text = NULL;

  memset (value, 0, sizeof *value);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (field->flags & REQUIRED)
        {
          *message = g_strdup_printf (_("“%s” is missing."), field->name);
          return FALSE;
        }
      if (field->flags & NULLABLE)
        {
          value->null = TRUE;
          return TRUE;
        }
      switch (field->type)
        {
        case F_STAMP:
          value->i = g_get_real_time ();
          break;
        case F_BOOL:
        case F_INT:
          break;
        default:
          value->s = g_strdup (field->fallback != NULL ? field->fallback : "");
        }
      return TRUE;
    }

  switch (field->type)
    {
    case F_INT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          json_node_get_int (node) < field->min || json_node_get_int (node) > field->max)
        {
          g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, field->min);
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, field->max);

          *message = g_strdup_printf ((field->flags & NULLABLE)
                                      ? _("“%s” must be a whole number from %s to %s, or null.")
                                      : _("“%s” must be a whole number from %s to %s."),
                                      field->name, min, max);
          return FALSE;
        }
      value->i = json_node_get_int (node);
      return TRUE;

    case F_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          *message = g_strdup_printf (_("“%s” must be true or false."), field->name);
          return FALSE;
        }
      value->i = json_node_get_boolean (node) ? 1 : 0;
      return TRUE;

    case F_KEYS:
      {
        g_autoptr(GString) joined = g_string_new (NULL);
        JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
        g_autofree char *allowed = join_keys (field->keys);

        for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
          {
            JsonNode *element = json_array_get_element (array, i);
            const char *key = holds_string (element) ? json_node_get_string (element) : NULL;

            if (key == NULL || !g_utf8_validate (key, -1, NULL) || !is_key (field->keys, key))
              {
                g_autofree char *valid = key != NULL ? g_utf8_make_valid (key, -1) : g_strdup ("?");
                g_autofree char *got = quote_value (valid);

                *message = g_strdup_printf (_("“%s” holds “%s”, which is not one of %s."),
                                            field->name, got, allowed);
                return FALSE;
              }
            g_string_append_printf (joined, "%s%s", joined->len > 0 ? "," : "", key);
          }
        if (array == NULL)
          {
            *message = g_strdup_printf (_("“%s” must be a list of %s."), field->name, allowed);
            return FALSE;
          }
        value->s = g_string_free (g_steal_pointer (&joined), FALSE);
        return TRUE;
      }

    default:
      break;
    }

  /* The rest are text in the file. */
  if (!holds_string (node) || !g_utf8_validate (text = json_node_get_string (node), -1, NULL))
    {
      *message = g_strdup_printf (text != NULL ? _("“%s” is not valid UTF-8 text.")
                                               : _("“%s” must be text."), field->name);
      return FALSE;
    }

  switch (field->type)
    {
    case F_UUID:
      if (!rw_validate_id (text, &local))
        break;
      value->s = g_ascii_strdown (text, -1);
      return TRUE;

    case F_DATE:
      if (!rw_parse_date (text, &value->s, &local))
        break;
      return TRUE;

    case F_HHMM:
      if (!rw_parse_time (text, &value->s, &local))
        break;
      return TRUE;

    case F_STAMP:
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, NULL);

        if (dt == NULL)
          {
            *message = g_strdup_printf (_("“%s” must be a date and time such as "
                                          "2026-11-22T09:30:00Z."), field->name);
            return FALSE;
          }
        value->i = g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
        return TRUE;
      }

    default:
      if (field->keys != NULL && !is_key (field->keys, text))
        {
          g_autofree char *allowed = join_keys (field->keys);
          g_autofree char *got = quote_value (text);

          *message = g_strdup_printf (_("“%s” must be one of %s (it is “%s”)."),
                                      field->name, allowed, got);
          return FALSE;
        }
      if ((field->flags & REQUIRED) && *text == '\0')
        {
          *message = g_strdup_printf (_("“%s” is missing."), field->name);
          return FALSE;
        }
      if (field->max > 0 && g_utf8_strlen (text, -1) > field->max)
        {
          g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, field->max);

          *message = g_strdup_printf (_("“%s” is longer than %s characters."), field->name, max);
          return FALSE;
        }
      if (strlen (text) > RW_NOTE_MAX_BYTES)
        {
          *message = g_strdup_printf (_("“%s” is longer than %d KiB."), field->name,
                                      RW_NOTE_MAX_BYTES / 1024);
          return FALSE;
        }
      value->s = g_strdup (text);
      return TRUE;
    }

  *message = g_strdup_printf ("“%s”: %s", field->name, local->message);
  return FALSE;
}

static gboolean
check_session (Row   *row,
               char **message)
{
  const Value *v = row->values;

  /* A blood pressure is two numbers or none. */
  if (v[S_BP_BEFORE_SYS].null != v[S_BP_BEFORE_DIA].null ||
      v[S_BP_AFTER_SYS].null != v[S_BP_AFTER_DIA].null)
    {
      *message = g_strdup (_("a blood pressure needs both numbers, systolic and diastolic, "
                             "or neither."));
      return FALSE;
    }
  if ((!v[S_BP_BEFORE_SYS].null && v[S_BP_BEFORE_SYS].i <= v[S_BP_BEFORE_DIA].i) ||
      (!v[S_BP_AFTER_SYS].null && v[S_BP_AFTER_SYS].i <= v[S_BP_AFTER_DIA].i))
    {
      *message = g_strdup (_("a blood pressure's systolic number must be above its "
                             "diastolic one."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_assessment (Row   *row,
                  char **message)
{
  const Value *v = row->values;
  gboolean phq9 = g_str_equal (v[A_KIND].s, "phq9");
  guint items = phq9 ? 9 : 7;
  const char *answers = v[A_ANSWERS].s;
  g_autofree char *shown = quote_value (answers);
  gint64 total = 0;

  for (guint i = 0; answers[i] != '\0'; i++)
    {
      if (answers[i] < '0' || answers[i] > '3')
        {
          *message = g_strdup_printf (_("“answers” must be %u digits from 0 to 3, one for each "
                                        "question (it is “%s”)."), items, shown);
          return FALSE;
        }
      total += answers[i] - '0';
    }
  if (strlen (answers) != items)
    {
      *message = g_strdup_printf (_("“answers” must be %u digits from 0 to 3, one for each "
                                    "question (it is “%s”)."), items, shown);
      return FALSE;
    }
  if (total != v[A_TOTAL].i)
    {
      g_autofree char *sum = g_strdup_printf ("%" G_GINT64_FORMAT, total);
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, v[A_TOTAL].i);

      *message = g_strdup_printf (_("“total” is %s but the answers add up to %s."), given, sum);
      return FALSE;
    }
  if (!phq9 && !v[A_DIFFICULTY].null)
    {
      *message = g_strdup (_("“difficulty” belongs to PHQ-9 only; for GAD-7 it must be null."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
item_error (GError     **error,
            const char  *where,
            const char  *message)
{
  /* Translators: where in the file, then what is wrong there. */
  g_set_error (error, RW_IMPORT_ERROR, RW_IMPORT_ERROR_INVALID, _("%s: %s"), where, message);
  return FALSE;
}

static gboolean read_list (const Kind  *kind,
                           JsonNode    *node,
                           const char  *parent,
                           GPtrArray   *rows,
                           GError     **error);

static Row *
read_row (const Kind  *kind,
          JsonObject  *object,
          guint        index,
          const char  *where,
          GError     **error)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *message = NULL;

  row->kind = kind;
  row->index = index;
  row->values = g_new0 (Value, kind->n_fields);
  for (guint i = 0; i < kind->n_fields; i++)
    if (!read_value (object, &kind->fields[i], &row->values[i], &message))
      goto fail;
  if (kind->check != NULL && !kind->check (row, &message))
    goto fail;

  for (guint c = 0; c < G_N_ELEMENTS (kind->children) && kind->children[c] != NULL; c++)
    {
      row->children[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      if (!read_list (kind->children[c], json_object_get_member (object, kind->children[c]->member),
                      where, row->children[c], error))
        {
          row_free (row);
          return NULL;
        }
    }
  return row;

fail:
  item_error (error, where, message);
  row_free (row);
  return NULL;
}

static char *
value_key (const Value *value)
{
  return value->s != NULL ? g_strdup (value->s) : g_strdup_printf ("%" G_GINT64_FORMAT, value->i);
}

static gboolean
read_list (const Kind  *kind,
           JsonNode    *node,
           const char  *parent,
           GPtrArray   *rows,
           GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = parent != NULL
        ? g_strdup_printf (_("%s, its “%s”"), parent, kind->member)
        : g_strdup_printf ("“%s”", kind->member);

      return item_error (error, where, _("must be a list […]."));
    }

  array = json_node_get_array (node);
  if (kind->max_items > 0 && json_array_get_length (array) > kind->max_items)
    {
      g_autofree char *where = g_strdup_printf (_("%s, its “%s”"), parent, kind->member);
      g_autofree char *message = g_strdup_printf (_("holds more than %u items."), kind->max_items);

      return item_error (error, where, message);
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = parent != NULL
        ? g_strdup_printf (_("%s, item %u of its “%s”"), parent, i + 1, kind->member)
        : g_strdup_printf (_("Item %u of “%s”"), i + 1, kind->member);
      Row *row;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return item_error (error, where, _("each item must be an object {…}."));
      row = read_row (kind, json_node_get_object (element), i + 1, where, error);
      if (row == NULL)
        return FALSE;
      g_ptr_array_add (rows, row);

      if (kind->unique >= 0)
        {
          char *key = value_key (&row->values[kind->unique]);

          if (!g_hash_table_add (seen, key))
            {
              g_autofree char *message =
                g_strdup_printf (_("another item of the list has the same “%s”."),
                                 kind->fields[kind->unique].name);

              return item_error (error, where, message);
            }
        }
    }
  return TRUE;
}

/**
 * rw_json_full_parse:
 * @root: (nullable): the file's top object, or %NULL for a file that is
 *   a bare list of check-ins
 * @error: return location for a #GError
 *
 * Reads and checks every list beyond "check_ins". A list left out is
 * empty; a bad item refuses the whole file, naming its list and place.
 *
 * Returns: (transfer full): what the lists hold, or %NULL with @error set
 */
RwJsonFull *
rw_json_full_parse (JsonObject  *root,
                    GError     **error)
{
  g_autoptr(RwJsonFull) full = g_new0 (RwJsonFull, 1);

  for (guint k = 0; k < N_KINDS; k++)
    {
      full->rows[k] = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      if (root != NULL &&
          !read_list (&kinds[k], json_object_get_member (root, kinds[k].member), NULL,
                      full->rows[k], error))
        return NULL;
    }
  return g_steal_pointer (&full);
}

/* Writing */

static void
bind_value (sqlite3_stmt *stmt,
            int           param,
            const Field  *field,
            const Value  *value)
{
  if (value->null)
    sqlite3_bind_null (stmt, param);
  else if (value->s != NULL)
    sqlite3_bind_text (stmt, param, value->s, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, param, value->i);
}

/* Inserts @row (under @parent, for a child list); a row whose key is
 * taken is left as it is when @keep_existing. */
static gboolean
insert_row (RwDatabase  *db,
            const Row   *row,
            gint64       parent,
            gboolean     keep_existing,
            gint64      *id,
            GError     **error)
{
  const Kind *kind = row->kind;
  g_autoptr(GString) sql = g_string_new ("INSERT INTO ");
  g_autoptr(RwStmt) stmt = NULL;
  int param = 1;

  g_string_append_printf (sql, "%s (", kind->table);
  if (kind->parent_column != NULL)
    g_string_append_printf (sql, "%s, ", kind->parent_column);
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", kind->fields[i].column);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < kind->n_fields + (kind->parent_column != NULL); i++)
    g_string_append_printf (sql, "%s?", i > 0 ? ", " : "");
  g_string_append (sql, keep_existing ? ") ON CONFLICT DO NOTHING" : ")");

  stmt = rw_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (kind->parent_column != NULL)
    sqlite3_bind_int64 (stmt, param++, parent);
  for (guint i = 0; i < kind->n_fields; i++)
    bind_value (stmt, param++, &kind->fields[i], &row->values[i]);
  if (!rw_database_step_done (db, stmt, _("import the file"), error))
    return FALSE;
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (rw_database_get_handle (db));
  return TRUE;
}

static gboolean
insert_children (RwDatabase  *db,
                 const Row   *row,
                 gint64       id,
                 gboolean     keep_existing,
                 GError     **error)
{
  for (guint c = 0; c < G_N_ELEMENTS (row->children) && row->children[c] != NULL; c++)
    for (guint i = 0; i < row->children[c]->len; i++)
      if (!insert_row (db, g_ptr_array_index (row->children[c], i), id, keep_existing, NULL, error))
        return FALSE;
  return TRUE;
}

/* The id of the journal's row matching @row, or 0. */
static gboolean
find_existing (RwDatabase  *db,
               const Row   *row,
               gint64      *id,
               GError     **error)
{
  g_autoptr(RwStmt) stmt = rw_database_prepare (db, row->kind->match, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < row->kind->n_match; i++)
    bind_value (stmt, i + 1, &row->kind->fields[i], &row->values[i]);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("import the file"), error);
      return FALSE;
    }
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
lines_contained (const char *part,
                 const char *whole)
{
  g_auto(GStrv) have = g_strsplit (whole, "\n", -1);
  g_auto(GStrv) want = g_strsplit (part, "\n", -1);
  g_autoptr(GHashTable) lines = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; have[i] != NULL; i++)
    g_hash_table_add (lines, g_strstrip (have[i]));
  for (guint i = 0; want[i] != NULL; i++)
    if (*g_strstrip (want[i]) != '\0' && !g_hash_table_contains (lines, want[i]))
      return FALSE;
  return TRUE;
}

/* A section of the file fills an empty one of the journal; when both
 * have text that differs, the journal's is kept and the file's lines
 * follow it under "From the import of DATE:". Nothing is ever lost, and
 * a section whose every line the journal's already has adds nothing. */
static gboolean
import_safety_section (RwDatabase      *db,
                       const Row       *row,
                       RwImportCount   *count,
                       GError         **error)
{
  const char *section = row->values[0].s;
  const char *body = row->values[1].s;
  g_autofree char *current = NULL;
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  if (is_blank (body))
    {
      count->skipped++;
      return TRUE;
    }

  stmt = rw_database_prepare (db, "SELECT body FROM safety_plan WHERE section = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, section, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    current = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("import the file"), error);
      return FALSE;
    }
  sqlite3_reset (g_steal_pointer (&stmt));

  if (current == NULL || is_blank (current))
    {
      stmt = rw_database_prepare (db, "INSERT INTO safety_plan (section, body, modified) "
                                      "VALUES (?1, ?2, ?3) ON CONFLICT (section) DO UPDATE "
                                      "SET body = ?2, modified = ?3", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, section, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, row->values[2].i);
    }
  else if (lines_contained (body, current))
    {
      count->skipped++;
      return TRUE;
    }
  else
    {
      g_autofree char *today = rw_date_to_iso (rw_date_today ());
      g_autofree char *heading = g_strdup_printf (_("From the import of %s:"), today);
      g_autofree char *merged = g_strdup_printf ("%s%s\n%s\n%s", current,
                                                 g_str_has_suffix (current, "\n") ? "" : "\n",
                                                 heading, body);

      stmt = rw_database_prepare (db, "UPDATE safety_plan SET body = ?2, modified = ?3 "
                                      "WHERE section = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, section, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, merged, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
      count->merged++;
    }
  if (!rw_database_step_done (db, stmt, _("import the file"), error))
    return FALSE;
  count->added++;
  return TRUE;
}

static RwImportCount *
count_of (RwImportResult *result,
          guint           kind)
{
  switch (kind)
    {
    case K_SESSIONS: return &result->sessions;
    case K_ASSESSMENTS: return &result->assessments;
    case K_SAFETY_PLAN: return &result->safety_plan;
    case K_PLAN_RUNS: return &result->plan_runs;
    default: return &result->breathing_sessions;
    }
}

/**
 * rw_json_full_import:
 * @db: a #RwDatabase, in the import's write transaction
 * @full: what rw_json_parse() read
 * @result: (inout): where the counts of each list are added
 * @error: return location for a #GError
 *
 * Merges @full into the journal. Sessions and assessments are matched by
 * id, plan runs by plan and start day (a run already there gains the
 * checks and day notes it lacks), breathing sessions by pattern, length
 * and end; the safety plan as import_safety_section() says. A second
 * import of the same file adds nothing.
 */
gboolean
rw_json_full_import (RwDatabase      *db,
                     RwJsonFull      *full,
                     RwImportResult  *result,
                     GError         **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (full != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  for (guint k = 0; k < N_KINDS; k++)
    {
      RwImportCount *count = count_of (result, k);

      for (guint i = 0; i < full->rows[k]->len; i++)
        {
          Row *row = g_ptr_array_index (full->rows[k], i);
          gint64 id = 0;

          if (k == K_SAFETY_PLAN)
            {
              if (!import_safety_section (db, row, count, error))
                return FALSE;
              continue;
            }
          if (!find_existing (db, row, &id, error))
            return FALSE;
          if (id != 0)
            {
              /* A plan run already there gains what it lacks. */
              if (k == K_PLAN_RUNS && !insert_children (db, row, id, TRUE, error))
                return FALSE;
              count->skipped++;
              continue;
            }

          if (k == K_PLAN_RUNS && (row->values[R_ENDED].null || row->values[R_ENDED].i == 0))
            {
              /* A plan has one active run: the one in the journal stays so. */
              g_autoptr(RwStmt) stmt = rw_database_prepare (db, "SELECT 1 FROM plan_runs WHERE "
                                                                "plan_id = ?1 AND coalesce (ended, "
                                                                "0) = 0", error);

              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_text (stmt, 1, row->values[0].s, -1, SQLITE_STATIC);
              if (sqlite3_step (stmt) == SQLITE_ROW)
                {
                  row->values[R_ENDED].null = FALSE;
                  row->values[R_ENDED].i = 1;
                }
            }

          if (!insert_row (db, row, 0, FALSE, &id, error) ||
              !insert_children (db, row, id, FALSE, error) ||
              (k == K_SESSIONS && !rw_session_sql_reindex (db, id, error)))
            {
              g_prefix_error (error, _("Item %u of “%s”: "), row->index, kinds[k].member);
              return FALSE;
            }
          count->added++;
        }
    }
  return TRUE;
}

/* Export */

static void
append_column (GString      *out,
               sqlite3_stmt *stmt,
               int           column,
               const Field  *field)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_string_append (out, "null");
      return;
    }
  switch (field->type)
    {
    case F_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    case F_BOOL:
      g_string_append (out, sqlite3_column_int64 (stmt, column) != 0 ? "true" : "false");
      break;
    case F_STAMP:
      if (!rw_json_append_time (out, sqlite3_column_int64 (stmt, column)))
        g_string_append (out, "null");
      break;
    case F_KEYS:
      {
        g_auto(GStrv) keys = g_strsplit ((const char *) sqlite3_column_text (stmt, column), ",", -1);
        gboolean first = TRUE;

        g_string_append_c (out, '[');
        for (guint i = 0; keys[i] != NULL; i++)
          {
            if (*keys[i] == '\0')
              continue;
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            rw_json_append_string_len (out, keys[i], strlen (keys[i]));
          }
        g_string_append_c (out, ']');
        break;
      }
    default:
      rw_json_append_string_len (out, (const char *) sqlite3_column_text (stmt, column),
                                 sqlite3_column_bytes (stmt, column));
    }
}

static gboolean append_rows (RwDatabase  *db,
                             const Kind  *kind,
                             gint64       parent,
                             GString     *out,
                             GError     **error);

static gboolean
append_rows (RwDatabase  *db,
             const Kind  *kind,
             gint64       parent,
             GString     *out,
             GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(RwStmt) stmt = NULL;
  gboolean top = kind->parent_column == NULL;
  guint n = 0;
  int rc;

  /* The rowid first, for the child lists. */
  g_string_append (sql, kind->children[0] != NULL ? "id" : "NULL");
  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, ", %s", kind->fields[i].column);
  g_string_append_printf (sql, " FROM %s", kind->table);
  if (!top)
    g_string_append_printf (sql, " WHERE %s = ?1", kind->parent_column);
  else if (kind->where != NULL)
    g_string_append_printf (sql, " WHERE %s", kind->where);
  g_string_append_printf (sql, " ORDER BY %s", kind->order);

  stmt = rw_database_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (!top)
    sqlite3_bind_int64 (stmt, 1, parent);

  g_string_append_c (out, '[');
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ > 0)
        g_string_append_c (out, ',');
      if (top)
        g_string_append (out, "\n    ");
      g_string_append_c (out, '{');
      for (guint i = 0; i < kind->n_fields; i++)
        {
          g_string_append_printf (out, "%s\"%s\":", i > 0 ? "," : "", kind->fields[i].name);
          append_column (out, stmt, i + 1, &kind->fields[i]);
        }
      for (guint c = 0; c < G_N_ELEMENTS (kind->children) && kind->children[c] != NULL; c++)
        {
          g_string_append_printf (out, ",\"%s\":", kind->children[c]->member);
          if (!append_rows (db, kind->children[c], sqlite3_column_int64 (stmt, 0), out, error))
            return FALSE;
        }
      g_string_append_c (out, '}');
    }
  if (rc != SQLITE_DONE)
    {
      rw_database_set_error (db, rc, _("read the journal"), error);
      return FALSE;
    }
  g_string_append (out, top && n > 0 ? "\n  ]" : "]");
  return TRUE;
}

/**
 * rw_json_full_append:
 * @db: a #RwDatabase
 * @out: where to append
 * @error: return location for a #GError
 *
 * Appends the lists after "check_ins" of a full export, each member
 * preceded by a comma: sessions and assessments not hidden, the safety
 * plan's sections that have text, every plan run with its checks and day
 * notes, and the breathing sessions. Drafts are never exported.
 */
gboolean
rw_json_full_append (RwDatabase  *db,
                     GString     *out,
                     GError     **error)
{
  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint k = 0; k < N_KINDS; k++)
    {
      g_string_append_printf (out, ",\n  \"%s\": ", kinds[k].member);
      if (!append_rows (db, &kinds[k], 0, out, error))
        return FALSE;
    }
  return TRUE;
}
