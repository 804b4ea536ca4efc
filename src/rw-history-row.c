/* rw-history-row.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rw-history-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rw-history-row.h"

/**
 * RwHistoryRow:
 *
 * One row of the journal's history: a day header (the date, how many
 * check-ins, the day's mean mood in a coloured pill) or a check-in (its
 * time, each value, its tags as pills and the first line of its note, with
 * Edit and Delete buttons).
 *
 * The row draws its text itself, from one Pango layout a piece, in
 * snapshot(): a row of labels and wrap boxes is some twenty widgets, and
 * GtkListView makes a row for every item of a new search at once, so a
 * row's cost is what a person feels as a pause while typing. Only the two
 * buttons are widgets, for the keyboard and screen readers; the row's
 * accessible label says everything it shows.
 */
struct _RwHistoryRow
{
  GtkWidget parent_instance;

  gboolean is_header;

  /* Day header */
  PangoLayout *date;
  int date_width;         /* unwrapped, as bound */
  int date_height;
  PangoLayout *date_compact;  /* "Sat 25 Sep 2021", where the date does not fit */
  int date_compact_width;
  PangoLayout *date_shown;    /* one of the two, as allocated */
  gboolean count_hidden;      /* for the date's room; the rows below show it */
  PangoLayout *count;
  PangoLayout *mood;
  double mean;

  /* Check-in */
  PangoLayout *time;
  PangoLayout *values;    /* "Mood 6  Anxiety 3 ...", wrapped between values */
  int values_width;       /* on one line */
  int values_height;
  int note_height;        /* one line */
  int widest_value;       /* the smallest width the values can wrap to */
  GPtrArray *tags;        /* PangoLayout */
  guint n_tags;
  PangoLayout *note;
  gboolean has_note;
  char *id;
  char *search;           /* what the tags and note highlight */
  char *note_markup;
  GtkWidget *edit_button;     /* made just after the row first shows a check-in */
  GtkWidget *delete_button;
  gboolean queued;

  GObject *item;          /* the day header or check-in bound */
  char *summary;
};

G_DEFINE_FINAL_TYPE (RwHistoryRow, rw_history_row, GTK_TYPE_WIDGET)

/* Spacing, in pixels, as the design had it with labels and boxes. */
#define HEADER_SPACING 8
#define TIME_SPACING 10
#define TAG_SPACING 4
#define SECTION_SPACING 4
#define BUTTON_SPACING 6
#define PILL_PAD_X 8
#define PILL_PAD_Y 1
#define MOOD_PAD_X 8
#define MOOD_PAD_Y 2
#define MOOD_MIN_WIDTH 34
#define DIM_ALPHA 0.55f
#define NOTE_SHOWN_CHARS 200
/* The room of the two buttons until they exist: two flat icon buttons. */
#define BUTTONS_WIDTH (2 * 34 + 2 * BUTTON_SPACING)
#define BUTTONS_HEIGHT 34

static const char * const mood_classes[] = {
  "mood-none", "mood-1", "mood-2", "mood-3", "mood-4", "mood-5",
};

/* The mood pill's colours, background then text, as in style.css. */
static const struct {
  const char *background;
  const char *foreground;
} mood_colors[] = {
  { NULL, NULL },                      /* none: the text colour, faint */
  { "#c64600", "#ffffff" },
  { "#e5a50a", "#241f31" },
  { "#9a9996", "#ffffff" },
  { "#62a0ea", "#241f31" },
  { "#2ec27e", "#241f31" },
};

static guint
mood_band (double mood)
{
  if (mood < 0)
    return 0;
  if (mood < 2.5)
    return 1;
  if (mood < 4.5)
    return 2;
  if (mood < 6.5)
    return 3;
  if (mood < 8.5)
    return 4;
  return 5;
}

/**
 * rw_mood_css_class:
 * @mood: a mean mood 0–10, or negative for none
 *
 * Returns: the style class of a day's mood colour
 */
const char *
rw_mood_css_class (double mood)
{
  return mood_classes[mood_band (mood)];
}

/* A layout in the row's font, bold and/or at the caption size, with
 * tabular figures when asked. */
static PangoLayout *
new_layout (RwHistoryRow *self,
            gboolean      bold,
            gboolean      caption,
            gboolean      tabular)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* As libadwaita's .heading and .caption, which set sizes of their own. */
  if (bold)
    {
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_size_new (11 * PANGO_SCALE));
    }
  if (caption)
    pango_attr_list_insert (attrs, pango_attr_size_new (9 * PANGO_SCALE));
  if (tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  /* Kept apart, for set_text() to start from each time. */
  g_object_set_data_full (G_OBJECT (layout), "rw-base-attributes", attrs,
                          (GDestroyNotify) pango_attr_list_unref);
  return layout;
}

static int
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Sets plain text or markup over the layout's own attributes (the weight,
 * size and figures it was made with); nothing of the last markup stays. */
static void
set_text (PangoLayout *layout,
          const char  *text,
          gboolean     markup)
{
  PangoAttrList *base = g_object_get_data (G_OBJECT (layout), "rw-base-attributes");

  if (markup)
    {
      PangoAttrList *merged = pango_attr_list_copy (base);
      PangoAttrList *marked;

      pango_layout_set_markup (layout, text, -1);
      marked = pango_layout_get_attributes (layout);
      if (marked != NULL)
        pango_attr_list_splice (merged, marked, 0, 0);
      pango_layout_set_attributes (layout, merged);
      pango_attr_list_unref (merged);
    }
  else
    {
      pango_layout_set_text (layout, text, -1);
      pango_layout_set_attributes (layout, base);
    }
}

static PangoLayout *
layout_at (RwHistoryRow *self,
           GPtrArray    *layouts,
           guint         index,
           gboolean      caption)
{
  while (layouts->len <= index)
    g_ptr_array_add (layouts, new_layout (self, FALSE, caption, FALSE));
  return g_ptr_array_index (layouts, index);
}

static int
buttons_width (RwHistoryRow *self)
{
  int edit = 0, delete = 0;

  if (self->edit_button == NULL)
    return self->is_header ? 0 : BUTTONS_WIDTH;
  gtk_widget_measure (self->edit_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &edit, NULL, NULL);
  gtk_widget_measure (self->delete_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &delete, NULL, NULL);
  return edit + delete + 2 * BUTTON_SPACING;
}

static int
buttons_height (RwHistoryRow *self)
{
  int height = 0;

  if (self->edit_button == NULL)
    return self->is_header ? 0 : BUTTONS_HEIGHT;
  gtk_widget_measure (self->edit_button, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  return height;
}

/* Places the pieces of a check-in in @width; with @draw, appends them to
 * @snapshot. Returns the height used. The one place that decides where
 * things go, for measuring and for drawing alike. */
static int
lay_out_check_in (RwHistoryRow *self,
                  int           width,
                  GtkSnapshot  *snapshot,
                  const GdkRGBA *text,
                  const GdkRGBA *dim,
                  const GdkRGBA *tag_background,
                  const GdkRGBA *tag_text)
{
  int content = MAX (1, width - buttons_width (self));
  int time_width = text_width (self->time);
  int x0 = time_width + TIME_SPACING;
  int x, y, line, top, height;

  if (snapshot != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_append_layout (snapshot, self->time, text);
      gtk_snapshot_restore (snapshot);
    }

  /* The values, right of the time, wrapped as whole values (one layout:
   * spaces inside a value do not break). Setting a layout's width lays it
   * out and shapes it again, so it is set only when the values must wrap:
   * GtkListView measures a row at more than one width. */
  if (self->values_width > content - x0)
    {
      pango_layout_set_width (self->values, MAX (1, content - x0) * PANGO_SCALE);
      line = text_height (self->values);
    }
  else
    {
      pango_layout_set_width (self->values, -1);
      line = self->values_height;
    }
  if (snapshot != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x0, 0));
      gtk_snapshot_append_layout (snapshot, self->values, dim);
      gtk_snapshot_restore (snapshot);
    }
  y = 0;
  top = MAX (text_height (self->time), y + line);
  height = top;

  /* The tags, as pills, on lines of their own. */
  if (self->n_tags > 0)
    {
      int pill_line = 0;

      x = 0;
      y = height + SECTION_SPACING;
      for (guint i = 0; i < self->n_tags; i++)
        {
          PangoLayout *layout = g_ptr_array_index (self->tags, i);
          int w = text_width (layout) + 2 * PILL_PAD_X;
          int h = text_height (layout) + 2 * PILL_PAD_Y;

          if (x > 0 && x + w > content)
            {
              x = 0;
              y += pill_line + TAG_SPACING;
              pill_line = 0;
            }
          if (snapshot != NULL)
            {
              GskRoundedRect pill;

              gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, y, w, h), h / 2.0f);
              gtk_snapshot_push_rounded_clip (snapshot, &pill);
              gtk_snapshot_append_color (snapshot, tag_background, &pill.bounds);
              gtk_snapshot_pop (snapshot);
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + PILL_PAD_X, y + PILL_PAD_Y));
              gtk_snapshot_append_layout (snapshot, layout, tag_text);
              gtk_snapshot_restore (snapshot);
            }
          x += w + TAG_SPACING;
          pill_line = MAX (pill_line, h);
        }
      height = y + pill_line;
    }

  /* The note's first line, cut with an ellipsis: one line whatever the
   * width, so only drawing needs the width. */
  if (self->has_note)
    {
      y = height + SECTION_SPACING;
      if (snapshot != NULL)
        {
          pango_layout_set_width (self->note, content * PANGO_SCALE);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y));
          gtk_snapshot_append_layout (snapshot, self->note, text);
          gtk_snapshot_restore (snapshot);
        }
      height = y + self->note_height;
    }

  return MAX (height, buttons_height (self));
}

/* The header: the date (cut with an ellipsis when it must be), then the
 * count and the pill at the end. */
static int
lay_out_header (RwHistoryRow  *self,
                int            width,
                GtkSnapshot   *snapshot,
                const GdkRGBA *text,
                const GdkRGBA *dim)
{
  int pill_w = MAX (MOOD_MIN_WIDTH, text_width (self->mood) + 2 * MOOD_PAD_X);
  int pill_h = text_height (self->mood) + 2 * MOOD_PAD_Y;
  int count_w = text_width (self->count);
  int height;

  /* One line at any width; the width (a new layout) only when drawing. */
  height = MAX (MAX (self->date_height, text_height (self->count)), pill_h);

  if (snapshot != NULL)
    {
      PangoLayout *date = self->date_shown != NULL ? self->date_shown : self->date;
      guint band = mood_band (self->mean);
      int pill_x = width - pill_w;
      GdkRGBA background, foreground;
      GskRoundedRect pill;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (0, (height - text_height (date)) / 2));
      gtk_snapshot_append_layout (snapshot, date, text);
      gtk_snapshot_restore (snapshot);

      if (!self->count_hidden)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot,
                                  &GRAPHENE_POINT_INIT (pill_x - HEADER_SPACING - count_w,
                                                        (height - text_height (self->count)) / 2));
          gtk_snapshot_append_layout (snapshot, self->count, dim);
          gtk_snapshot_restore (snapshot);
        }

      if (mood_colors[band].background != NULL)
        {
          gdk_rgba_parse (&background, mood_colors[band].background);
          gdk_rgba_parse (&foreground, mood_colors[band].foreground);
        }
      else
        {
          background = *text;
          background.alpha = 0.08f;
          foreground = *text;
          foreground.alpha = 0.6f;
        }
      gsk_rounded_rect_init_from_rect (&pill,
                                       &GRAPHENE_RECT_INIT (pill_x, (height - pill_h) / 2,
                                                            pill_w, pill_h),
                                       pill_h / 2.0f);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, &background, &pill.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (pill_x + (pill_w - text_width (self->mood)) / 2,
                                                    (height - pill_h) / 2 + MOOD_PAD_Y));
      gtk_snapshot_append_layout (snapshot, self->mood, &foreground);
      gtk_snapshot_restore (snapshot);
    }

  return height;
}

/* The date as the header has room for it at @width: in full, else the
 * compact form that keeps the year, else that without the count beside
 * it (the day's rows are below), else cut with an ellipsis.
 * Setting a width lays a layout out again: only when it changes. */
static void
choose_date (RwHistoryRow *self,
             int           width)
{
  int pill_w = MAX (MOOD_MIN_WIDTH, text_width (self->mood) + 2 * MOOD_PAD_X);
  int without_count = MAX (1, width - pill_w - HEADER_SPACING);
  int room = MAX (1, without_count - text_width (self->count) - HEADER_SPACING);
  PangoLayout *shown;
  int wanted = -1;

  self->count_hidden = FALSE;
  if (self->date_width <= room)
    shown = self->date;
  else if (self->date_compact_width <= room)
    shown = self->date_compact;
  else if (self->date_compact_width <= without_count)
    {
      shown = self->date_compact;
      self->count_hidden = TRUE;
    }
  else
    {
      shown = self->date_compact;
      self->count_hidden = TRUE;
      wanted = without_count * PANGO_SCALE;
    }

  if (pango_layout_get_width (shown) != wanted)
    pango_layout_set_width (shown, wanted);
  self->date_shown = shown;
}

static GtkSizeRequestMode
rw_history_row_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_history_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  RwHistoryRow *self = RW_HISTORY_ROW (widget);

  if (self->date == NULL && self->time == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->is_header)
        {
          int pill_w = MAX (MOOD_MIN_WIDTH, text_width (self->mood) + 2 * MOOD_PAD_X);
          int rest = pill_w + text_width (self->count) + 2 * HEADER_SPACING;

          *minimum = rest + 24;
          *natural = rest + self->date_width;
        }
      else
        {
          int widest = self->widest_value, line = self->values_width, tags = 0;

          for (guint i = 0; i < self->n_tags; i++)
            {
              int w = text_width (g_ptr_array_index (self->tags, i)) + 2 * PILL_PAD_X;

              widest = MAX (widest, w - text_width (self->time) - TIME_SPACING);
              tags += w + (i > 0 ? TAG_SPACING : 0);
            }
          *minimum = text_width (self->time) + TIME_SPACING + widest + buttons_width (self);
          *natural = MAX (text_width (self->time) + TIME_SPACING + line, tags) + buttons_width (self);
        }
    }
  else
    {
      int width = for_size >= 0 ? for_size : G_MAXINT / 4;

      if (self->is_header)
        *minimum = *natural = lay_out_header (self, width, NULL, NULL, NULL);
      else
        *minimum = *natural = lay_out_check_in (self, width, NULL, NULL, NULL, NULL, NULL);
    }
}

static void
rw_history_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  RwHistoryRow *self = RW_HISTORY_ROW (widget);
  int edit_w, delete_w, button_h, y;

  if (self->is_header && self->date != NULL)
    choose_date (self, width);

  if (self->edit_button == NULL || !gtk_widget_get_visible (self->edit_button))
    return;

  gtk_widget_measure (self->edit_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &edit_w, NULL, NULL);
  gtk_widget_measure (self->delete_button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &delete_w, NULL, NULL);
  button_h = buttons_height (self);
  y = (height - button_h) / 2;
  gtk_widget_size_allocate (self->delete_button,
                            &(GtkAllocation) { width - delete_w, y, delete_w, button_h }, -1);
  gtk_widget_size_allocate (self->edit_button,
                            &(GtkAllocation) { width - delete_w - BUTTON_SPACING - edit_w, y,
                                               edit_w, button_h }, -1);
}

static void
rw_history_row_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  RwHistoryRow *self = RW_HISTORY_ROW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA text, dim, accent, accent_background;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &text);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = text;
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent_background))
    accent_background = accent;
  G_GNUC_END_IGNORE_DEPRECATIONS
  dim = text;
  dim.alpha *= DIM_ALPHA;
  accent_background.alpha *= 0.15f;

  if (self->is_header && self->date != NULL)
    lay_out_header (self, width, snapshot, &text, &dim);
  else if (!self->is_header && self->time != NULL)
    {
      lay_out_check_in (self, width, snapshot, &text, &dim, &accent_background, &accent);
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        gtk_widget_snapshot_child (widget, child, snapshot);
    }
}

static gboolean
rw_history_row_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  RwHistoryRow *self = RW_HISTORY_ROW (widget);
  int pill_w;
  g_autofree char *text = NULL;

  if (!self->is_header || self->mood == NULL)
    return FALSE;

  /* Over the pill only. */
  pill_w = MAX (MOOD_MIN_WIDTH, text_width (self->mood) + 2 * MOOD_PAD_X);
  if (!keyboard && x < gtk_widget_get_width (widget) - pill_w)
    return FALSE;

  if (self->mean >= 0)
    text = g_strdup_printf (_("Mean mood %.1f of 10"), self->mean);
  else
    text = g_strdup (_("No mood recorded"));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
rw_history_row_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  RwHistoryRow *self = RW_HISTORY_ROW (widget);
  PangoLayout *all[] = { self->date, self->date_compact, self->count, self->mood, self->time,
                         self->note };

  GTK_WIDGET_CLASS (rw_history_row_parent_class)->css_changed (widget, change);

  /* A new font (a larger text size): the layouts take it from the
   * widget's Pango context, which changes with the style. */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i] != NULL)
      pango_layout_context_changed (all[i]);
  if (self->values != NULL)
    pango_layout_context_changed (self->values);
  for (guint i = 0; self->tags != NULL && i < self->tags->len; i++)
    pango_layout_context_changed (g_ptr_array_index (self->tags, i));
  gtk_widget_queue_resize (widget);
}

static void
rw_history_row_dispose (GObject *object)
{
  RwHistoryRow *self = (RwHistoryRow *)object;

  g_clear_pointer (&self->edit_button, gtk_widget_unparent);
  g_clear_pointer (&self->delete_button, gtk_widget_unparent);

  G_OBJECT_CLASS (rw_history_row_parent_class)->dispose (object);
}

static void
rw_history_row_finalize (GObject *object)
{
  RwHistoryRow *self = (RwHistoryRow *)object;

  g_clear_object (&self->date);
  g_clear_object (&self->date_compact);
  g_clear_object (&self->count);
  g_clear_object (&self->mood);
  g_clear_object (&self->time);
  g_clear_object (&self->note);
  g_clear_object (&self->values);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->note_markup, g_free);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (rw_history_row_parent_class)->finalize (object);
}

static void
rw_history_row_class_init (RwHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rw_history_row_dispose;
  object_class->finalize = rw_history_row_finalize;
  widget_class->get_request_mode = rw_history_row_get_request_mode;
  widget_class->measure = rw_history_row_measure;
  widget_class->size_allocate = rw_history_row_size_allocate;
  widget_class->snapshot = rw_history_row_snapshot;
  widget_class->query_tooltip = rw_history_row_query_tooltip;
  widget_class->css_changed = rw_history_row_css_changed;

  gtk_widget_class_set_css_name (widget_class, "historyrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rw_history_row_init (RwHistoryRow *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
rw_history_row_new (void)
{
  return g_object_new (RW_TYPE_HISTORY_ROW, NULL);
}

static void
set_summary (RwHistoryRow *self,
             char         *summary)
{
  g_free (self->summary);
  self->summary = summary;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary, -1);
}

static GtkWidget *
new_icon_button (RwHistoryRow *self,
                 const char   *icon_name,
                 const char   *action_name,
                 const char   *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  /* The actions take a check-in id; bind sets the real one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (""));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  return button;
}

static void
bind_header (RwHistoryRow *self,
             RwDayHeader  *header,
             const char   *today)
{
  g_autofree char *date = rw_date_format_friendly (rw_date_from_iso (rw_day_header_get_date (header)),
                                                   rw_date_from_iso (today));
  g_autofree char *compact = rw_date_format_compact (rw_date_from_iso (rw_day_header_get_date (header)),
                                                     rw_date_from_iso (today));
  double mood = rw_day_header_get_mean_mood (header);
  guint n = rw_day_header_get_n_check_ins (header);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check-in",
                                                         "%u check-ins", n), n);
  g_autofree char *mood_text = NULL;

  if (self->date == NULL)
    {
      self->date = new_layout (self, TRUE, FALSE, FALSE);
      self->date_compact = new_layout (self, TRUE, FALSE, FALSE);
      pango_layout_set_ellipsize (self->date_compact, PANGO_ELLIPSIZE_END);
      self->count = new_layout (self, FALSE, TRUE, FALSE);
      self->mood = new_layout (self, TRUE, FALSE, TRUE);
    }

  self->is_header = TRUE;
  self->mean = mood;
  pango_layout_set_width (self->date, -1);
  set_text (self->date, date, FALSE);
  self->date_width = text_width (self->date);
  self->date_height = text_height (self->date);
  pango_layout_set_width (self->date_compact, -1);
  set_text (self->date_compact, compact, FALSE);
  self->date_compact_width = text_width (self->date_compact);
  self->date_shown = NULL;
  set_text (self->count, count, FALSE);
  mood_text = mood >= 0 ? g_strdup_printf ("%.1f", mood) : g_strdup ("–");
  set_text (self->mood, mood_text, FALSE);

  if (mood >= 0)
    set_summary (self, g_strdup_printf (_("%s, %s, mean mood %.1f"), date, count, mood));
  else
    set_summary (self, g_strdup_printf (_("%s, %s, no mood recorded"), date, count));

  if (self->edit_button != NULL)
    {
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (self->delete_button, FALSE);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self), "is-header");
}

static char *
describe_metrics (RwCheckIn *check_in)
{
  GString *out = g_string_new (NULL);
  double sleep = rw_check_in_get_sleep_hours (check_in);

  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);

      if (value == RW_METRIC_UNSET)
        continue;
      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, "%s %d", rw_metric_get_label (i), value);
    }

  if (sleep >= 0)
    {
      g_autofree char *hours = rw_format_sleep_hours (sleep);

      if (out->len > 0)
        g_string_append (out, " · ");
      g_string_append_printf (out, _("Slept %s h"), hours);
    }

  if (out->len == 0)
    g_string_append (out, _("No values recorded"));

  return g_string_free (out, FALSE);
}

/* Appends one value to @text, its words held together, and remembers where
 * it is for measuring. */
static void
append_value (GString    *text,
              GArray     *ranges,
              const char *value)
{
  int range[2];

  if (text->len > 0)
    g_string_append (text, "\u2003");   /* an em space: values break here */
  range[0] = text->len;
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == ' ')
        g_string_append (text, "\u00a0");
      else
        g_string_append_c (text, *p);
    }
  range[1] = text->len;
  g_array_append_vals (ranges, range, 2);
}

static void
show_metrics (RwHistoryRow *self,
              RwCheckIn    *check_in)
{
  double sleep = rw_check_in_get_sleep_hours (check_in);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < RW_N_METRICS; i++)
    {
      int value = rw_check_in_get_metric (check_in, i);
      g_autofree char *item = NULL;

      if (value == RW_METRIC_UNSET)
        continue;
      item = g_strdup_printf ("%s %d", rw_metric_get_label (i), value);
      append_value (text, ranges, item);
    }

  if (sleep >= 0)
    {
      g_autofree char *hours = rw_format_sleep_hours (sleep);
      g_autofree char *item = g_strdup_printf (_("Slept %s h"), hours);

      append_value (text, ranges, item);
    }

  if (text->len == 0)
    append_value (text, ranges, _("No values recorded"));

  set_text (self->values, text->str, FALSE);

  /* The widest value, from the one line the text takes unwrapped. */
  pango_layout_set_width (self->values, -1);
  self->values_width = text_width (self->values);
  self->values_height = text_height (self->values);
  self->widest_value = 0;
  for (guint i = 0; i + 1 < ranges->len; i += 2)
    {
      PangoRectangle start, end;

      pango_layout_index_to_pos (self->values, g_array_index (ranges, int, i), &start);
      pango_layout_index_to_pos (self->values, g_array_index (ranges, int, i + 1), &end);
      self->widest_value = MAX (self->widest_value, PANGO_PIXELS_CEIL (ABS (end.x - start.x)));
    }
}

static void
set_button_targets (RwHistoryRow *self)
{
  GVariant *target = g_variant_ref_sink (g_variant_new_string (self->id));

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->delete_button), target);
  g_variant_unref (target);
}

/* Buttons are widgets, and two of them cost a row more than all its text:
 * they are made after the frame that first shows the row, a few rows an
 * idle at a time, so that neither the first frame nor the frame with new
 * search results waits for them. Their room is kept meanwhile. */
static GQueue pending_rows = G_QUEUE_INIT;
static guint pending_id;

static void
make_buttons (RwHistoryRow *self)
{
  self->edit_button = new_icon_button (self, "document-edit-symbolic", "journal.edit-check-in",
                                       _("Edit check-in"));
  self->delete_button = new_icon_button (self, "user-trash-symbolic",
                                         "journal.delete-check-in", _("Delete check-in"));
  set_button_targets (self);
  gtk_widget_set_visible (self->edit_button, !self->is_header);
  gtk_widget_set_visible (self->delete_button, !self->is_header);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static gboolean
make_pending_buttons_cb (gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 1000;

  while (!g_queue_is_empty (&pending_rows) && g_get_monotonic_time () < deadline)
    {
      g_autoptr(RwHistoryRow) row = g_queue_pop_head (&pending_rows);

      row->queued = FALSE;
      if (row->edit_button == NULL && !row->is_header && gtk_widget_get_parent (GTK_WIDGET (row)) != NULL)
        make_buttons (row);
    }

  if (!g_queue_is_empty (&pending_rows))
    return G_SOURCE_CONTINUE;
  pending_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_buttons (RwHistoryRow *self)
{
  if (self->queued)
    return;
  self->queued = TRUE;
  g_queue_push_tail (&pending_rows, g_object_ref (self));
  if (pending_id == 0)
    pending_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, make_pending_buttons_cb, NULL, NULL);
}

/* The tags and the note's first line, with the words of @search marked. */
static void
show_highlights (RwHistoryRow *self,
                 RwCheckIn    *check_in,
                 const char   *search)
{
  g_autofree char *summary = rw_check_in_dup_note_summary (check_in);
  const char * const *tags = rw_check_in_get_tags (check_in);

  g_free (self->search);
  self->search = g_strdup (search);

  self->n_tags = 0;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag_markup = rw_search_highlight_markup (tags[i], search);

      set_text (layout_at (self, self->tags, self->n_tags++, TRUE), tag_markup, TRUE);
    }

  self->has_note = *summary != '\0';
  if (self->has_note)
    {
      g_autofree char *shown = NULL;
      g_autofree char *markup = NULL;

      /* One line shows a little over a hundred characters: shaping the
       * rest of a long first line only to cut it off costs every row. */
      if (g_utf8_strlen (summary, -1) > NOTE_SHOWN_CHARS)
        shown = g_utf8_substring (summary, 0, NOTE_SHOWN_CHARS);
      markup = rw_search_highlight_markup (shown != NULL ? shown : summary, search);
      /* A row bound again keeps the width it was drawn at, so the note is
       * laid out once, at that width, and not again when drawn. */
      set_text (self->note, markup, TRUE);
      g_free (self->note_markup);
      self->note_markup = g_steal_pointer (&markup);
      self->note_height = text_height (self->note);
    }
  else
    g_clear_pointer (&self->note_markup, g_free);
}

static void
bind_check_in (RwHistoryRow *self,
               RwCheckIn    *check_in,
               const char   *search)
{
  g_autofree char *metrics = describe_metrics (check_in);
  g_autofree char *summary = rw_check_in_dup_note_summary (check_in);
  const char * const *tags = rw_check_in_get_tags (check_in);
  g_autofree char *joined = g_strjoinv (", ", (char **) tags);

  if (self->time == NULL)
    {
      self->time = new_layout (self, TRUE, FALSE, TRUE);
      self->values = new_layout (self, FALSE, FALSE, FALSE);
      pango_layout_set_wrap (self->values, PANGO_WRAP_WORD);
      self->tags = g_ptr_array_new_with_free_func (g_object_unref);
      self->note = new_layout (self, FALSE, FALSE, FALSE);
      pango_layout_set_ellipsize (self->note, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->note, TRUE);
    }

  self->is_header = FALSE;
  set_text (self->time, rw_check_in_get_time (check_in), FALSE);
  show_metrics (self, check_in);

  show_highlights (self, check_in, search);

  g_free (self->id);
  self->id = g_strdup (rw_check_in_get_id (check_in));
  if (self->edit_button != NULL)
    {
      set_button_targets (self);
      gtk_widget_set_visible (self->edit_button, TRUE);
      gtk_widget_set_visible (self->delete_button, TRUE);
    }
  else
    queue_buttons (self);

  set_summary (self, g_strdup_printf (_("%s, %s%s%s%s%s"),
                                      rw_check_in_get_time (check_in), metrics,
                                      *joined != '\0' ? _(", tags: ") : "", joined,
                                      *summary != '\0' ? _(", note: ") : "", summary));

  gtk_widget_remove_css_class (GTK_WIDGET (self), "is-header");
}

/**
 * rw_history_row_bind:
 * @self: a #RwHistoryRow
 * @item: an #RwDayHeader or an #RwCheckIn
 * @today: (nullable): today, YYYY-MM-DD, for "Today" and "Yesterday"
 * @search: (nullable): the words to highlight
 */
void
rw_history_row_bind (RwHistoryRow *self,
                     GObject      *item,
                     const char   *today,
                     const char   *search)
{
  g_return_if_fail (RW_IS_HISTORY_ROW (self));

  g_set_object (&self->item, item);
  if (RW_IS_DAY_HEADER (item))
    bind_header (self, RW_DAY_HEADER (item), today);
  else if (RW_IS_CHECK_IN (item))
    bind_check_in (self, RW_CHECK_IN (item), search);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rw_history_row_unbind (RwHistoryRow *self)
{
  g_return_if_fail (RW_IS_HISTORY_ROW (self));

  g_clear_object (&self->item);
  /* The buttons keep their last target (an action with a string parameter
   * cannot go without one) and are hidden until the next check-in. */
  if (self->edit_button != NULL)
    {
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (self->delete_button, FALSE);
    }
}

/**
 * rw_history_row_set_search:
 * @self: a #RwHistoryRow
 * @search: (nullable): the words to highlight
 *
 * Marks the words of @search in the tags and note of the check-in bound,
 * for a search that changed while the row stayed bound (a narrower query
 * keeps the same rows).
 */
void
rw_history_row_set_search (RwHistoryRow *self,
                           const char   *search)
{
  g_return_if_fail (RW_IS_HISTORY_ROW (self));

  if (!RW_IS_CHECK_IN (self->item) || g_strcmp0 (self->search, search) == 0)
    return;
  show_highlights (self, RW_CHECK_IN (self->item), search);
  /* Bold words are wider: the tags may wrap differently. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rw_history_row_get_note_markup:
 * @self: a #RwHistoryRow
 *
 * Returns: (nullable): the Pango markup of the note's line as shown, with
 *   the search's words marked, or %NULL when the row shows no note
 */
const char *
rw_history_row_get_note_markup (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);
  return RW_IS_CHECK_IN (self->item) ? self->note_markup : NULL;
}

/**
 * rw_history_row_get_date:
 * @self: a #RwHistoryRow
 *
 * Returns: (nullable): the day of the header or check-in bound,
 *   YYYY-MM-DD
 */
const char *
rw_history_row_get_date (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);

  if (RW_IS_DAY_HEADER (self->item))
    return rw_day_header_get_date (RW_DAY_HEADER (self->item));
  if (RW_IS_CHECK_IN (self->item))
    return rw_check_in_get_date (RW_CHECK_IN (self->item));
  return NULL;
}

/**
 * rw_history_row_get_date_layout:
 * @self: a #RwHistoryRow
 *
 * Returns: (nullable) (transfer none): the header's date as it is drawn at
 *   the row's width, or %NULL for a check-in
 */
PangoLayout *
rw_history_row_get_date_layout (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);

  if (!self->is_header)
    return NULL;
  return self->date_shown != NULL ? self->date_shown : self->date;
}

/**
 * rw_history_row_get_values_layout:
 * @self: a #RwHistoryRow
 *
 * Returns: (nullable) (transfer none): a check-in's values as drawn
 *   ("Mood 6  Anxiety 3 ... Slept 7 h", wrapped), or %NULL for a header
 */
PangoLayout *
rw_history_row_get_values_layout (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);
  return !self->is_header ? self->values : NULL;
}

/**
 * rw_history_row_get_item:
 * @self: a #RwHistoryRow
 *
 * Returns: (nullable) (transfer none): the #RwDayHeader or #RwCheckIn bound
 */
GObject *
rw_history_row_get_item (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);
  return self->item;
}

/**
 * rw_history_row_get_summary:
 * @self: a #RwHistoryRow
 *
 * Returns: what a screen reader says of the row
 */
const char *
rw_history_row_get_summary (RwHistoryRow *self)
{
  g_return_val_if_fail (RW_IS_HISTORY_ROW (self), NULL);
  return self->summary;
}
