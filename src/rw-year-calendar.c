/* rw-year-calendar.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year at a glance: one square a day, a column a week (Monday at the
 * top), coloured by the day's mean mood, with month and weekday names and
 * a legend. At narrow widths the weeks wrap into two or more bands, so a
 * square never gets too small to click. The days come from the journal's
 * series (rw_journal_load_series()), loaded again when the journal changes
 * (once for a burst, only while shown). A click on a day with check-ins,
 * or Enter on the focused day, activates win.show-day with its date.
 */
#define G_LOG_DOMAIN "rw-year-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "rw-year-calendar.h"

/* Smallest and largest square, and the space between squares (px). */
#define MIN_CELL 11
#define MAX_CELL 16
#define GAP 3
#define BAND_GAP 12
#define LEGEND_CELLS 5

typedef struct
{
  int gutter;          /* left of the squares: the weekday names */
  int header;          /* above each band: the month names */
  int cell, pitch;
  guint bands, per_band;
  int band_height;     /* header and seven rows */
  int legend_top;
  gboolean legend_wraps;   /* "No check-in" on a line of its own */
  int height;
} Geometry;

struct _RwYearCalendar
{
  GtkWidget parent_instance;

  /* Owned */
  RwContext *context;
  RwSeries *series;         /* 1 January to 31 December of the year */

  guint year;
  guint32 focus_day;
  gboolean stale;
  guint reload_id;
  int line_height;          /* of the caption text; 0 until measured */

  /* Colours from the style, read again when it changes */
  gboolean colors_read;
  GdkRGBA ramp[4];
  GdkRGBA empty, future, dim, accent;
};

G_DEFINE_FINAL_TYPE (RwYearCalendar, rw_year_calendar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The ramp from low to high mood: libadwaita's purple, blue, green and
 * yellow, darker shades on light and lighter ones on dark, so that the
 * squares stand out from the background either way and lightness grows
 * with mood (readable without telling hues apart). */
static const struct
{
  const char *light, *dark;
  const char *light_hex, *dark_hex;   /* if the style has no palette */
} ramp[] = {
  { "purple_4", "purple_2", "#813d9c", "#c061cb" },
  { "blue_4", "blue_2", "#1c71d8", "#62a0ea" },
  { "green_5", "green_2", "#26a269", "#57e389" },
  { "yellow_5", "yellow_2", "#e5a50a", "#f8e45c" },
};

static guint32
first_day (guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  return g_date_get_julian (&date);
}

static guint
days_in_year (guint year)
{
  return g_date_is_leap_year (year) ? 366 : 365;
}

/* Days before 1 January in its week (Monday first). */
static guint
year_offset (guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first_day (year));
  return g_date_get_weekday (&date) - G_DATE_MONDAY;
}

static guint
n_weeks (guint year)
{
  return (year_offset (year) + days_in_year (year) - 1) / 7 + 1;
}

static guint
year_of (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_year (&date);
}

static guint32
today (RwYearCalendar *self)
{
  return rw_clock_get_day (rw_context_get_clock (self->context));
}

static gboolean
is_dark (RwYearCalendar *self)
{
  GdkRGBA bg;

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                       "window_bg_color", &bg))
    return FALSE;
  return 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue < 0.5;
}

static void
lookup (RwYearCalendar *self,
        const char     *name,
        const char     *fallback,
        GdkRGBA        *color)
{
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), name, color))
    gdk_rgba_parse (color, fallback);
}

static void
foreground (RwYearCalendar *self,
            double          alpha,
            GdkRGBA        *color)
{
  lookup (self, "window_fg_color", "#000000", color);
  color->alpha *= alpha;
}

static void
ensure_colors (RwYearCalendar *self)
{
  gboolean dark;

  if (self->colors_read)
    return;
  dark = is_dark (self);
  for (guint i = 0; i < G_N_ELEMENTS (ramp); i++)
    lookup (self, dark ? ramp[i].dark : ramp[i].light, dark ? ramp[i].dark_hex : ramp[i].light_hex,
            &self->ramp[i]);
  foreground (self, 0.1, &self->empty);
  foreground (self, 0.04, &self->future);
  foreground (self, 0.7, &self->dim);
  lookup (self, "accent_color", "#1c71d8", &self->accent);
  self->colors_read = TRUE;
}

/**
 * rw_year_calendar_get_mood_color:
 * @self: a #RwYearCalendar
 * @mood: a day's mean mood, 0 to 10, or NAN for a day without one
 * @color: (out): its colour
 *
 * The colour of a square with @mood, in the current style.
 */
void
rw_year_calendar_get_mood_color (RwYearCalendar *self,
                                 double          mood,
                                 GdkRGBA        *color)
{
  const GdkRGBA *lo, *hi;
  double t, f;
  guint i;

  g_return_if_fail (RW_IS_YEAR_CALENDAR (self));
  g_return_if_fail (color != NULL);

  ensure_colors (self);
  if (isnan (mood))
    {
      *color = self->empty;
      return;
    }
  t = CLAMP (mood / 10.0, 0, 1) * (G_N_ELEMENTS (ramp) - 1);
  i = MIN ((guint) t, G_N_ELEMENTS (ramp) - 2);
  f = t - i;
  lo = &self->ramp[i];
  hi = &self->ramp[i + 1];
  *color = (GdkRGBA) {
    lo->red + (hi->red - lo->red) * f,
    lo->green + (hi->green - lo->green) * f,
    lo->blue + (hi->blue - lo->blue) * f,
    1,
  };
}

/* The day's mean mood, NAN without one (or outside the year). */
static double
day_mood (RwYearCalendar *self,
          guint32         day)
{
  guint32 first = first_day (self->year);

  if (self->series == NULL || day < first || day >= first + days_in_year (self->year))
    return NAN;
  return rw_series_get_value (self->series, RW_SERIES_MOOD, day - first);
}

static guint
day_check_ins (RwYearCalendar *self,
               guint32         day)
{
  guint32 first = first_day (self->year);

  if (self->series == NULL || day < first || day >= first + days_in_year (self->year))
    return 0;
  return rw_series_get_check_ins (self->series, day - first);
}

/**
 * rw_year_calendar_get_day_color:
 * @self: a #RwYearCalendar
 * @day: a day of the year shown (julian)
 * @color: (out): the colour its square is drawn in
 *
 * By its mean mood; days without a mood are drawn as empty squares, the
 * days still to come fainter.
 */
void
rw_year_calendar_get_day_color (RwYearCalendar *self,
                                guint32         day,
                                GdkRGBA        *color)
{
  g_return_if_fail (RW_IS_YEAR_CALENDAR (self));

  ensure_colors (self);
  if (day > today (self))
    *color = self->future;
  else
    rw_year_calendar_get_mood_color (self, day_mood (self, day), color);
}

/* Height of a line of the legend's text, measured once per style. */
static int
line_height (RwYearCalendar *self)
{
  if (self->line_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Mg");
      int h;

      pango_layout_get_pixel_size (layout, NULL, &h);
      self->line_height = MAX (h, 1);
    }
  return self->line_height;
}

static int
text_width (RwYearCalendar *self,
            const char     *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

/* Monday, Wednesday and Friday, by name, from a week known to start on a
 * Monday (5 January 2026). */
static char *
weekday_name (guint row)
{
  return rw_date_format (first_day (2026) + 4 + row, "%a");
}

static int
gutter_width (RwYearCalendar *self)
{
  int w = 0;

  for (guint row = 0; row < 6; row += 2)
    {
      g_autofree char *name = weekday_name (row);
      w = MAX (w, text_width (self, name));
    }
  return w + 6;
}

static const char *
legend_text (guint i)
{
  const char *text[] = { N_("Lower mood"), N_("Higher mood"), N_("No check-in") };

  return _(text[i]);
}

static int
legend_width (RwYearCalendar *self,
              const Geometry *g)
{
  return g->gutter + text_width (self, legend_text (0)) + 6 + LEGEND_CELLS * g->pitch + 3 +
         text_width (self, legend_text (1)) + 18 + g->pitch + text_width (self, legend_text (2));
}

static void
compute_geometry (RwYearCalendar *self,
                  int             width,
                  Geometry       *g)
{
  guint weeks = n_weeks (self->year);

  g->gutter = gutter_width (self);
  g->header = line_height (self) + 4;
  for (g->bands = 1; g->bands < 6; g->bands++)
    {
      g->per_band = (weeks + g->bands - 1) / g->bands;
      g->cell = (width - g->gutter) / (int) g->per_band - GAP;
      if (g->cell >= MIN_CELL)
        break;
    }
  g->cell = CLAMP (g->cell, MIN_CELL, MAX_CELL);
  g->pitch = g->cell + GAP;
  g->band_height = g->header + 7 * g->pitch;
  g->legend_top = g->bands * g->band_height + (g->bands - 1) * BAND_GAP + 6;
  g->legend_wraps = legend_width (self, g) > width;
  g->height = g->legend_top + (g->legend_wraps ? 2 : 1) * (MAX (line_height (self), g->cell) + 4);
}

/* Where @day's square is, or FALSE outside the year. */
static gboolean
day_rect (RwYearCalendar  *self,
          const Geometry  *g,
          guint32          day,
          graphene_rect_t *rect)
{
  guint32 first = first_day (self->year);
  guint slot, week, row, band, col;

  if (day < first || day >= first + days_in_year (self->year))
    return FALSE;
  slot = year_offset (self->year) + (day - first);
  week = slot / 7;
  row = slot % 7;
  band = week / g->per_band;
  col = week % g->per_band;
  if (rect != NULL)
    graphene_rect_init (rect, g->gutter + col * g->pitch,
                        band * (g->band_height + BAND_GAP) + g->header + row * g->pitch,
                        g->cell, g->cell);
  return TRUE;
}

/* The day under (@x, @y), or 0. */
static guint32
day_at (RwYearCalendar *self,
        double          x,
        double          y)
{
  Geometry g;
  int band, row, col, slot;
  double by;

  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)), &g);
  if (x < g.gutter || y < 0)
    return 0;
  band = (int) (y / (g.band_height + BAND_GAP));
  by = y - band * (g.band_height + BAND_GAP) - g.header;
  if (band >= (int) g.bands || by < 0)
    return 0;
  row = (int) (by / g.pitch);
  col = (int) ((x - g.gutter) / g.pitch);
  if (row >= 7 || col >= (int) g.per_band)
    return 0;
  slot = (band * (int) g.per_band + col) * 7 + row - (int) year_offset (self->year);
  if (slot < 0 || slot >= (int) days_in_year (self->year))
    return 0;
  return first_day (self->year) + slot;
}

static void
rounded_square (cairo_t               *cr,
                const graphene_rect_t *r,
                double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
fill_square (cairo_t               *cr,
             const graphene_rect_t *r,
             const GdkRGBA         *color)
{
  gdk_cairo_set_source_rgba (cr, color);
  rounded_square (cr, r, MIN (3.0, r->size.width / 4));
  cairo_fill (cr);
}

static void
show_text (RwYearCalendar *self,
           cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           const GdkRGBA  *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (RwYearCalendar *self,
             cairo_t        *cr,
             const Geometry *g,
             const GdkRGBA  *dim)
{
  const char *lower = legend_text (0);
  const char *higher = legend_text (1);
  const char *empty = legend_text (2);
  double x = g->gutter;
  double y = g->legend_top;
  double text_y = y + (g->cell - line_height (self)) / 2.0;
  graphene_rect_t r;
  GdkRGBA color;

  show_text (self, cr, lower, x, text_y, dim);
  x += text_width (self, lower) + 6;
  for (guint i = 0; i < LEGEND_CELLS; i++)
    {
      rw_year_calendar_get_mood_color (self, 10.0 * i / (LEGEND_CELLS - 1), &color);
      graphene_rect_init (&r, x, y, g->cell, g->cell);
      fill_square (cr, &r, &color);
      x += g->pitch;
    }
  x += 3;
  show_text (self, cr, higher, x, text_y, dim);
  x += text_width (self, higher) + 18;
  if (g->legend_wraps)
    {
      x = g->gutter;
      y += MAX (line_height (self), g->cell) + 4;
      text_y += MAX (line_height (self), g->cell) + 4;
    }
  rw_year_calendar_get_mood_color (self, NAN, &color);
  graphene_rect_init (&r, x, y, g->cell, g->cell);
  fill_square (cr, &r, &color);
  show_text (self, cr, empty, x + g->pitch, text_y, dim);
}

/* The week a month is named over: that of its first day, or the next
 * one when it starts late in the week (and the year goes on). */
static guint
month_label_week (RwYearCalendar *self,
                  guint           month)
{
  GDate date;
  guint slot;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, self->year);
  slot = year_offset (self->year) + (g_date_get_julian (&date) - first_day (self->year));
  if (slot % 7 > 3 && slot / 7 + 1 < n_weeks (self->year))
    return slot / 7 + 1;
  return slot / 7;
}

static guint
month_of_slot (RwYearCalendar *self,
               guint           slot)
{
  GDate date;
  guint offset = year_offset (self->year);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first_day (self->year) + (slot > offset ? slot - offset : 0));
  return g_date_get_month (&date);
}

/* Month names over their weeks, and each band that starts in the middle
 * of a month begins with its name; a name that would overlap the one
 * before or run off the edge is left out. */
static void
draw_month_labels (RwYearCalendar *self,
                   cairo_t        *cr,
                   const Geometry *g,
                   int             width,
                   const GdkRGBA  *dim)
{
  guint weeks = n_weeks (self->year);

  for (guint band = 0; band < g->bands; band++)
    {
      guint week0 = band * g->per_band;
      double end = 0;

      if (week0 >= weeks)
        break;
      for (guint m = month_of_slot (self, week0 * 7); m <= 12; m++)
        {
          guint week = month_label_week (self, m);
          g_autofree char *name = NULL;
          GDate date;
          double x;
          int w;

          /* Carried over from the band before: named unless the next
           * month is about to be. */
          if (week < week0)
            {
              if (m < 12 && month_label_week (self, m + 1) <= week0 + 2)
                continue;
              week = week0;
            }
          if (week >= week0 + g->per_band || week >= weeks)
            break;
          x = g->gutter + (week - week0) * g->pitch;
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 15, m, self->year);
          name = rw_date_format (g_date_get_julian (&date), "%b");
          w = text_width (self, name);
          if (x < end || x + w > width)
            continue;
          show_text (self, cr, name, x, band * (g->band_height + BAND_GAP), dim);
          end = x + w + 4;
        }
    }
}

static void
rw_year_calendar_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (widget);
  int width = gtk_widget_get_width (widget);
  guint32 first = first_day (self->year);
  guint n = days_in_year (self->year);
  guint32 now = today (self);
  const GdkRGBA *dim;
  GdkRGBA color;
  graphene_rect_t r;
  Geometry g;
  cairo_t *cr;

  compute_geometry (self, width, &g);
  ensure_colors (self);
  dim = &self->dim;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, g.height));

  /* Weekday names on Monday, Wednesday and Friday of each band. */
  for (guint band = 0; band < g.bands; band++)
    for (guint row = 0; row < 6; row += 2)
      {
        g_autofree char *name = weekday_name (row);
        double y = band * (g.band_height + BAND_GAP) + g.header + row * g.pitch +
                   (g.cell - line_height (self)) / 2.0;

        show_text (self, cr, name, 0, y, dim);
      }

  draw_month_labels (self, cr, &g, width, dim);

  for (guint i = 0; i < n; i++)
    {
      day_rect (self, &g, first + i, &r);
      if (first + i > now)
        color = self->future;
      else
        rw_year_calendar_get_mood_color (self, day_mood (self, first + i), &color);
      fill_square (cr, &r, &color);
    }

  if (gtk_widget_has_visible_focus (widget) && day_rect (self, &g, self->focus_day, &r))
    {
      gdk_cairo_set_source_rgba (cr, &self->accent);
      cairo_set_line_width (cr, 2);
      graphene_rect_inset (&r, -2, -2);
      rounded_square (cr, &r, 4);
      cairo_stroke (cr);
    }

  draw_legend (self, cr, &g, dim);
  cairo_destroy (cr);
}

static GtkSizeRequestMode
rw_year_calendar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rw_year_calendar_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (widget);
  guint weeks = n_weeks (self->year);
  int gutter = gutter_width (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* At the least a quarter of the weeks a line. */
      *minimum = gutter + (int) ((weeks + 3) / 4) * (MIN_CELL + GAP);
      *natural = gutter + (int) weeks * (MAX_CELL + GAP);
    }
  else
    {
      Geometry g;

      compute_geometry (self, for_size >= 0 ? for_size : gutter + (int) weeks * (MAX_CELL + GAP), &g);
      *minimum = *natural = g.height;
    }
}

/* Opens @day in the journal, if it has check-ins. */
static gboolean
open_day (RwYearCalendar *self,
          guint32         day)
{
  g_autofree char *date = NULL;

  if (day_check_ins (self, day) == 0)
    return FALSE;
  date = rw_date_to_iso (day);
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.show-day", "s", date);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   RwYearCalendar  *self)
{
  guint32 day = day_at (self, x, y);

  if (day == 0)
    return;
  rw_year_calendar_set_focus_day (self, day);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (open_day (self, day))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
query_tooltip_cb (RwYearCalendar *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  guint32 day = keyboard ? self->focus_day : day_at (self, x, y);
  g_autofree char *text = NULL;

  if (day == 0)
    return FALSE;
  text = rw_year_calendar_describe_day (self, day);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (widget);

  if (!open_day (self, self->focus_day))
    gtk_widget_error_bell (widget);
}

/* Left and Right move by a week, Up and Down by a day, within the year. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (widget);
  gint64 first = first_day (self->year);
  gint64 day = (gint64) self->focus_day + g_variant_get_int32 (parameter);

  rw_year_calendar_set_focus_day (self, (guint32) CLAMP (day, first,
                                                         first + days_in_year (self->year) - 1));
}

static void
update_description (RwYearCalendar *self)
{
  g_autofree char *text = NULL;

  if (self->focus_day == 0)
    return;
  text = rw_year_calendar_describe_day (self, self->focus_day);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
reload (RwYearCalendar *self)
{
  g_autoptr(GError) error = NULL;
  RwSeries *series;
  guint32 first = first_day (self->year);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  series = rw_journal_load_series (rw_context_get_journal (self->context), first,
                                   first + days_in_year (self->year) - 1, &error);
  if (series == NULL)
    {
      g_warning ("Could not load the year: %s", error->message);
      return;
    }
  g_clear_pointer (&self->series, rw_series_unref);
  self->series = series;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  RwYearCalendar *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
journal_changed_cb (RwYearCalendar *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
rw_year_calendar_map (GtkWidget *widget)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (widget);

  GTK_WIDGET_CLASS (rw_year_calendar_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
rw_year_calendar_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (widget);

  GTK_WIDGET_CLASS (rw_year_calendar_parent_class)->css_changed (widget, change);
  self->line_height = 0;
  self->colors_read = FALSE;
  gtk_widget_queue_resize (widget);
}

static void
rw_year_calendar_state_flags_changed (GtkWidget     *widget,
                                      GtkStateFlags  previous)
{
  GTK_WIDGET_CLASS (rw_year_calendar_parent_class)->state_flags_changed (widget, previous);
  /* The focus ring. */
  if ((previous ^ gtk_widget_get_state_flags (widget)) & GTK_STATE_FLAG_FOCUS_VISIBLE)
    gtk_widget_queue_draw (widget);
}

/* The year of the latest check-in up to today, or this year. */
static guint
initial_year (RwYearCalendar *self)
{
  guint32 last = 0;

  rw_journal_get_span (rw_context_get_journal (self->context), NULL, &last, NULL);
  if (last == 0 || last > today (self))
    last = today (self);
  return year_of (last);
}

static void
rw_year_calendar_constructed (GObject *object)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (object);

  G_OBJECT_CLASS (rw_year_calendar_parent_class)->constructed (object);

  g_return_if_fail (RW_IS_CONTEXT (self->context));
  g_signal_connect_object (rw_context_get_journal (self->context), "changed",
                           G_CALLBACK (journal_changed_cb), self, G_CONNECT_SWAPPED);
  rw_year_calendar_set_year (self, initial_year (self));
}

static void
rw_year_calendar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_year_calendar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_assert (self->context == NULL);
      self->context = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      if (self->context != NULL)
        rw_year_calendar_set_year (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rw_year_calendar_dispose (GObject *object)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (rw_year_calendar_parent_class)->dispose (object);
}

static void
rw_year_calendar_finalize (GObject *object)
{
  RwYearCalendar *self = RW_YEAR_CALENDAR (object);

  g_clear_pointer (&self->series, rw_series_unref);

  G_OBJECT_CLASS (rw_year_calendar_parent_class)->finalize (object);
}

static void
rw_year_calendar_class_init (RwYearCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const struct { guint key; int days; } moves[] = {
    { GDK_KEY_Left, -7 }, { GDK_KEY_Right, 7 }, { GDK_KEY_Up, -1 }, { GDK_KEY_Down, 1 },
    { GDK_KEY_KP_Left, -7 }, { GDK_KEY_KP_Right, 7 }, { GDK_KEY_KP_Up, -1 }, { GDK_KEY_KP_Down, 1 },
    { GDK_KEY_Home, -366 }, { GDK_KEY_End, 366 },
  };

  object_class->constructed = rw_year_calendar_constructed;
  object_class->get_property = rw_year_calendar_get_property;
  object_class->set_property = rw_year_calendar_set_property;
  object_class->dispose = rw_year_calendar_dispose;
  object_class->finalize = rw_year_calendar_finalize;
  widget_class->snapshot = rw_year_calendar_snapshot;
  widget_class->measure = rw_year_calendar_measure;
  widget_class->get_request_mode = rw_year_calendar_get_request_mode;
  widget_class->map = rw_year_calendar_map;
  widget_class->css_changed = rw_year_calendar_css_changed;
  widget_class->state_flags_changed = rw_year_calendar_state_flags_changed;

  /**
   * RwYearCalendar:context:
   *
   * The journal and clock the calendar shows.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, RW_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * RwYearCalendar:year:
   *
   * The year shown.
   */
  properties[PROP_YEAR] =
    g_param_spec_uint ("year", NULL, NULL, 1, 9999, 2026,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "calendar.open-day", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "calendar.move", "i", move_action);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "calendar.move", "i",
                                         moves[i].days);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "calendar.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "calendar.open-day", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "calendar.open-day", NULL);

  gtk_widget_class_set_css_name (widget_class, "yearcalendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rw_year_calendar_init (RwYearCalendar *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->year = 2026;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mood by day; arrow keys move between days, Enter opens "
                                    "the day in the journal"), -1);
}

/**
 * rw_year_calendar_new:
 * @context: the journal and clock
 *
 * Returns: (transfer floating): a calendar of the year of the latest
 *   check-in (or this year)
 */
RwYearCalendar *
rw_year_calendar_new (RwContext *context)
{
  g_return_val_if_fail (RW_IS_CONTEXT (context), NULL);

  return g_object_new (RW_TYPE_YEAR_CALENDAR, "context", context, NULL);
}

RwContext *
rw_year_calendar_get_context (RwYearCalendar *self)
{
  g_return_val_if_fail (RW_IS_YEAR_CALENDAR (self), NULL);
  return self->context;
}

guint
rw_year_calendar_get_year (RwYearCalendar *self)
{
  g_return_val_if_fail (RW_IS_YEAR_CALENDAR (self), 0);
  return self->year;
}

/**
 * rw_year_calendar_set_year:
 * @self: a #RwYearCalendar
 * @year: the year to show
 *
 * Shows @year, with the focus on today if it is in it, else on the latest
 * day with a check-in, else on its last day.
 */
void
rw_year_calendar_set_year (RwYearCalendar *self,
                           guint           year)
{
  guint32 first, last;

  g_return_if_fail (RW_IS_YEAR_CALENDAR (self));
  g_return_if_fail (year >= 1 && year <= 9999);

  if (year == self->year && self->series != NULL)
    return;
  self->year = year;
  reload (self);
  first = first_day (year);
  last = first + days_in_year (year) - 1;
  self->focus_day = last;
  if (today (self) >= first && today (self) <= last)
    self->focus_day = today (self);
  else
    for (guint32 day = last; day >= first; day--)
      if (day_check_ins (self, day) > 0)
        {
          self->focus_day = day;
          break;
        }
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

guint32
rw_year_calendar_get_focus_day (RwYearCalendar *self)
{
  g_return_val_if_fail (RW_IS_YEAR_CALENDAR (self), 0);
  return self->focus_day;
}

/**
 * rw_year_calendar_set_focus_day:
 * @self: a #RwYearCalendar
 * @day: a day of the year shown (julian)
 *
 * Moves the keyboard focus to @day, which Enter opens.
 */
void
rw_year_calendar_set_focus_day (RwYearCalendar *self,
                                guint32         day)
{
  guint32 first;

  g_return_if_fail (RW_IS_YEAR_CALENDAR (self));
  first = first_day (self->year);
  g_return_if_fail (day >= first && day < first + days_in_year (self->year));

  if (day == self->focus_day)
    return;
  self->focus_day = day;
  update_description (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

RwSeries *
rw_year_calendar_get_series (RwYearCalendar *self)
{
  g_return_val_if_fail (RW_IS_YEAR_CALENDAR (self), NULL);
  return self->series;
}

/**
 * rw_year_calendar_get_day_area:
 * @self: a #RwYearCalendar
 * @day: a day (julian)
 * @area: (out) (optional): where its square is, in the widget's coordinates
 *
 * Returns: %FALSE if @day is not in the year shown
 */
gboolean
rw_year_calendar_get_day_area (RwYearCalendar  *self,
                               guint32          day,
                               graphene_rect_t *area)
{
  Geometry g;

  g_return_val_if_fail (RW_IS_YEAR_CALENDAR (self), FALSE);
  compute_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)), &g);
  return day_rect (self, &g, day, area);
}

/**
 * rw_year_calendar_describe_day:
 * @self: a #RwYearCalendar
 * @day: a day of the year shown (julian)
 *
 * Returns: (transfer full): its date and mood, for the tooltip and
 *   screen readers: "Tuesday 3 March 2026: mood 6.5, 2 check-ins"
 */
char *
rw_year_calendar_describe_day (RwYearCalendar *self,
                               guint32         day)
{
  g_autofree char *date = NULL;
  double mood;
  guint n;

  g_return_val_if_fail (RW_IS_YEAR_CALENDAR (self), NULL);

  date = rw_date_format (day, "%A %-d %B %Y");
  mood = day_mood (self, day);
  n = day_check_ins (self, day);
  if (n == 0)
    return g_strdup_printf (day > today (self) ? _("%s: still to come") : _("%s: no check-in"), date);
  if (isnan (mood))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: no mood, %u check-in",
                                         "%s: no mood, %u check-ins", n), date, n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: mood %.1f, %u check-in",
                                       "%s: mood %.1f, %u check-ins", n), date, mood, n);
}
