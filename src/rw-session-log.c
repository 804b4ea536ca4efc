/* rw-session-log.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-session-log"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-session-log.h"
#include "rw-session-row.h"

/**
 * RwSessionLog:
 *
 * The treatment sessions of the journal, in the Journal view: the ones
 * still to come on top (the soonest first), then the others, newest
 * first. A person has some dozens of sessions, not thousands: a boxed
 * list bound to the journal's model.
 */
struct _RwSessionLog
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkListBox *list_box;

  /* Owned */
  RwContext *context;
  GtkSortListModel *sorted;
};

G_DEFINE_FINAL_TYPE (RwSessionLog, rw_session_log, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint32
get_today (RwSessionLog *self)
{
  return rw_clock_get_day (rw_context_get_clock (self->context));
}

static gboolean
is_upcoming (RwSession *session,
             guint32    today)
{
  return !rw_session_get_done (session) &&
         rw_date_from_iso (rw_session_get_date (session)) >= today;
}

static int
compare_when (RwSession *a,
              RwSession *b)
{
  int by_date = g_strcmp0 (rw_session_get_date (a), rw_session_get_date (b));

  return by_date != 0 ? by_date : g_strcmp0 (rw_session_get_time (a), rw_session_get_time (b));
}

static int
compare_sessions_cb (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  RwSessionLog *self = user_data;
  guint32 today = get_today (self);
  gboolean a_upcoming = is_upcoming ((RwSession *) a, today);
  gboolean b_upcoming = is_upcoming ((RwSession *) b, today);

  if (a_upcoming != b_upcoming)
    return a_upcoming ? -1 : 1;
  /* The next one first; of the past, the latest first. */
  return a_upcoming ? compare_when ((RwSession *) a, (RwSession *) b)
                    : compare_when ((RwSession *) b, (RwSession *) a);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return rw_session_row_new (RW_SESSION (item), get_today (user_data));
}

static void
update_stack (RwSessionLog *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
rw_session_log_constructed (GObject *object)
{
  RwSessionLog *self = (RwSessionLog *)object;
  GListModel *sessions;

  G_OBJECT_CLASS (rw_session_log_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  sessions = rw_journal_get_sessions (rw_context_get_journal (self->context));
  self->sorted = gtk_sort_list_model_new (g_object_ref (sessions),
                                          GTK_SORTER (gtk_custom_sorter_new (compare_sessions_cb,
                                                                             self, NULL)));
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row_cb, self, NULL);
  update_stack (self);
}

static void
rw_session_log_dispose (GObject *object)
{
  RwSessionLog *self = (RwSessionLog *)object;

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RW_TYPE_SESSION_LOG);
  g_clear_object (&self->sorted);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_session_log_parent_class)->dispose (object);
}

static void
rw_session_log_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RwSessionLog *self = RW_SESSION_LOG (object);

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
rw_session_log_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RwSessionLog *self = RW_SESSION_LOG (object);

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
rw_session_log_class_init (RwSessionLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rw_session_log_constructed;
  object_class->dispose = rw_session_log_dispose;
  object_class->get_property = rw_session_log_get_property;
  object_class->set_property = rw_session_log_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-session-log.ui");
  gtk_widget_class_bind_template_child (widget_class, RwSessionLog, stack);
  gtk_widget_class_bind_template_child (widget_class, RwSessionLog, list_box);
}

static void
rw_session_log_init (RwSessionLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_session_log_new:
 * @context: the journal and the clock
 *
 * Returns: (transfer floating): the log
 */
GtkWidget *
rw_session_log_new (RwContext *context)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_SESSION_LOG, "context", context, NULL);
}

/**
 * rw_session_log_get_model:
 * @self: a #RwSessionLog
 *
 * Returns: (transfer none): the sessions in the order shown
 */
GListModel *
rw_session_log_get_model (RwSessionLog *self)
{
  g_return_val_if_fail (RW_IS_SESSION_LOG (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

GtkListBox *
rw_session_log_get_list_box (RwSessionLog *self)
{
  g_return_val_if_fail (RW_IS_SESSION_LOG (self), NULL);
  return self->list_box;
}
