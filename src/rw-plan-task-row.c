/* rw-plan-task-row.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-plan-task-row"

#include "config.h"

#include "rw-plan-task-row.h"

/**
 * RwPlanTaskRow:
 *
 * One step of the 7-day plan, or of its checklist: a tick that activates
 * `plan.tick` with the step's id and, when the step needs something (a
 * chapter to read, a check-in, a breathing session), a button that
 * activates `plan.open-task`. The tick shows what is stored: the page sets
 * it from #RwPlanProgress.
 */
struct _RwPlanTaskRow
{
  AdwActionRow parent_instance;

  /* Template widgets */
  GtkCheckButton *check;
  GtkButton *button;

  /* Owned */
  char *item_id;
};

G_DEFINE_FINAL_TYPE (RwPlanTaskRow, rw_plan_task_row, ADW_TYPE_ACTION_ROW)

static void
rw_plan_task_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RW_TYPE_PLAN_TASK_ROW);

  G_OBJECT_CLASS (rw_plan_task_row_parent_class)->dispose (object);
}

static void
rw_plan_task_row_finalize (GObject *object)
{
  RwPlanTaskRow *self = (RwPlanTaskRow *)object;

  g_clear_pointer (&self->item_id, g_free);

  G_OBJECT_CLASS (rw_plan_task_row_parent_class)->finalize (object);
}

static void
rw_plan_task_row_class_init (RwPlanTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_plan_task_row_dispose;
  object_class->finalize = rw_plan_task_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rewire/Rewire/rw-plan-task-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RwPlanTaskRow, check);
  gtk_widget_class_bind_template_child (widget_class, RwPlanTaskRow, button);
}

static void
rw_plan_task_row_init (RwPlanTaskRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * rw_plan_task_row_new:
 * @item_id: the step's id, the target of its actions
 * @title: what to do
 * @subtitle: (nullable): a hint under it
 * @button_label: (nullable): the label of the button, or %NULL for none
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
rw_plan_task_row_new (const char *item_id,
                      const char *title,
                      const char *subtitle,
                      const char *button_label)
{
  RwPlanTaskRow *self;

  g_return_val_if_fail (item_id != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (RW_TYPE_PLAN_TASK_ROW, "title", title, "subtitle", subtitle, NULL);
  self->item_id = g_strdup (item_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->check), "s", item_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->button, button_label);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s", item_id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->button), TRUE);
    }
  return GTK_WIDGET (self);
}

const char *
rw_plan_task_row_get_item_id (RwPlanTaskRow *self)
{
  g_return_val_if_fail (RW_IS_PLAN_TASK_ROW (self), NULL);
  return self->item_id;
}

gboolean
rw_plan_task_row_get_checked (RwPlanTaskRow *self)
{
  g_return_val_if_fail (RW_IS_PLAN_TASK_ROW (self), FALSE);
  return gtk_check_button_get_active (self->check);
}

void
rw_plan_task_row_set_checked (RwPlanTaskRow *self,
                              gboolean       checked)
{
  g_return_if_fail (RW_IS_PLAN_TASK_ROW (self));

  if (gtk_check_button_get_active (self->check) != checked)
    gtk_check_button_set_active (self->check, checked);
}

GtkCheckButton *
rw_plan_task_row_get_check (RwPlanTaskRow *self)
{
  g_return_val_if_fail (RW_IS_PLAN_TASK_ROW (self), NULL);
  return self->check;
}

GtkButton *
rw_plan_task_row_get_button (RwPlanTaskRow *self)
{
  g_return_val_if_fail (RW_IS_PLAN_TASK_ROW (self), NULL);
  return self->button;
}
