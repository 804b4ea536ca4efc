/* rw-report.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clinician report. Everything it shows is read first, in one go;
 * then the pages are laid out twice: once without drawing, to count them
 * (every page says "Page N of M"), and once onto a cairo PDF surface that
 * streams into the file rw_export_write_file() keeps nameless until it is
 * whole. The charts are the Trends chart's renderer (rw-chart.h) at the
 * page's size. It is drawn for paper and a black-and-white printer: dark
 * ink on white, series told apart by their panels and line weights,
 * never by colour alone.
 */
#define G_LOG_DOMAIN "rw-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rw-around-sessions-sql.h"
#include "rw-assessment-sql.h"
#include "rw-chart-around.h"
#include "rw-date.h"
#include "rw-export.h"
#include "rw-report-sql.h"
#include "rw-series-sql.h"
#include "rw-session-sql.h"

#define MARGIN 48.0          /* two thirds of an inch around the page */
#define FONT "Sans"
#define BODY_SIZE 9
#define SMALL_SIZE 7.5
#define HEADING_SIZE 13
#define TITLE_SIZE 18
#define CELL_PAD 3.0
#define SECTION_GAP 18.0
#define CHART_HEIGHT 230.0
#define MAX_TAGS 20

/* What the report shows, read from the journal before any drawing. */
typedef struct
{
  char *name;
  guint count;
} TagCount;

typedef struct
{
  guint32 day;
  char *time;
  char *note;
} Note;

typedef struct
{
  RwReportOptions options;
  RwSeries *series;
  GPtrArray *sessions;    /* RwSession, oldest first */
  GPtrArray *marks;       /* RwSessionMark of the same sessions, for the charts */
  RwAround *around;       /* mood around the sessions that took place */
  GPtrArray *assessments; /* RwAssessment, oldest first */
  GArray *tags;           /* TagCount */
  GArray *notes;          /* Note */
} ReportData;

static void
tag_count_clear (TagCount *t)
{
  g_free (t->name);
}

static void
note_clear (Note *n)
{
  g_free (n->time);
  g_free (n->note);
}

static void
report_data_clear (ReportData *data)
{
  g_clear_pointer (&data->series, rw_series_unref);
  g_clear_pointer (&data->sessions, g_ptr_array_unref);
  g_clear_pointer (&data->marks, g_ptr_array_unref);
  g_clear_pointer (&data->around, rw_around_unref);
  g_clear_pointer (&data->assessments, g_ptr_array_unref);
  g_clear_pointer (&data->tags, g_array_unref);
  g_clear_pointer (&data->notes, g_array_unref);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static sqlite3_stmt *
prepare_range (RwDatabase       *db,
               const char       *sql,
               const ReportData *data,
               GError          **error)
{
  sqlite3_stmt *stmt = rw_database_prepare (db, sql, error);
  char first[11], last[11];

  if (stmt == NULL)
    return NULL;
  rw_date_write_iso (data->options.first, first);
  rw_date_write_iso (data->options.last, last);
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  return stmt;
}

static gboolean
step_failed (RwDatabase  *db,
             int          rc,
             GError     **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  rw_database_set_error (db, rc, _("read the journal for the report"), error);
  return TRUE;
}

static gboolean
read_sessions (RwDatabase  *db,
               ReportData  *data,
               GError     **error)
{
  g_autofree char *first = rw_date_to_iso (data->options.first);
  g_autofree char *last = rw_date_to_iso (data->options.last);
  g_autoptr(GPtrArray) done = NULL;

  data->sessions = rw_session_sql_list (db, first, last, error);
  if (data->sessions == NULL)
    return FALSE;
  data->marks = rw_session_marks_load (db, data->options.first, data->options.last, FALSE, error);
  if (data->marks == NULL)
    return FALSE;
  done = rw_session_marks_load (db, data->options.first, data->options.last, TRUE, error);
  if (done == NULL)
    return FALSE;
  data->around = rw_around_new (data->series, done, RW_SERIES_MOOD, RW_AROUND_PHASE_ALL);
  return TRUE;
}

static gint
compare_assessments (gconstpointer a,
                     gconstpointer b)
{
  const RwAssessment *x = *(const RwAssessment **) a;
  const RwAssessment *y = *(const RwAssessment **) b;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  if (strcmp (x->time, y->time) != 0)
    return strcmp (x->time, y->time);
  return (int) x->kind - (int) y->kind;
}

static gboolean
read_assessments (RwDatabase  *db,
                  ReportData  *data,
                  GError     **error)
{
  g_autoptr(GPtrArray) all = rw_assessment_sql_list (db, RW_N_QUESTIONNAIRES, error);

  if (all == NULL)
    return FALSE;
  data->assessments = g_ptr_array_new_with_free_func ((GDestroyNotify) rw_assessment_free);
  for (guint i = 0; i < all->len; i++)
    {
      RwAssessment *assessment = all->pdata[i];

      if (assessment->date >= data->options.first && assessment->date <= data->options.last)
        g_ptr_array_add (data->assessments, g_ptr_array_steal_index_fast (all, i--));
    }
  g_ptr_array_sort (data->assessments, compare_assessments);
  return TRUE;
}

static gboolean
read_tags (RwDatabase  *db,
           ReportData  *data,
           GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  stmt = prepare_range (db, "SELECT t.name, count (*) AS n FROM check_ins c "
                        "JOIN check_in_tags ct ON ct.check_in = c.id JOIN tags t ON t.id = ct.tag "
                        "WHERE c.hidden = 0 AND c.date BETWEEN ?1 AND ?2 "
                        "GROUP BY t.id ORDER BY n DESC, t.name LIMIT " G_STRINGIFY (MAX_TAGS),
                        data, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TagCount t = { column_text (stmt, 0), sqlite3_column_int (stmt, 1) };

      g_array_append_val (data->tags, t);
    }
  return !step_failed (db, rc, error);
}

static gboolean
read_notes (RwDatabase  *db,
            ReportData  *data,
            GError     **error)
{
  g_autoptr(RwStmt) stmt = NULL;
  int rc;

  stmt = prepare_range (db, "SELECT date, time, note FROM check_ins "
                        "WHERE hidden = 0 AND note != '' AND date BETWEEN ?1 AND ?2 "
                        "ORDER BY date, time, created", data, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Note n = { rw_date_from_iso ((const char *) sqlite3_column_text (stmt, 0)),
                 column_text (stmt, 1), column_text (stmt, 2) };

      g_array_append_val (data->notes, n);
    }
  return !step_failed (db, rc, error);
}

static gboolean
read_report (RwDatabase  *db,
             ReportData  *data,
             GError     **error)
{
  data->tags = g_array_new (FALSE, TRUE, sizeof (TagCount));
  g_array_set_clear_func (data->tags, (GDestroyNotify) tag_count_clear);
  data->notes = g_array_new (FALSE, TRUE, sizeof (Note));
  g_array_set_clear_func (data->notes, (GDestroyNotify) note_clear);

  data->series = rw_series_load (db, data->options.first, data->options.last, error);
  if (data->series == NULL)
    return FALSE;
  if (!read_sessions (db, data, error) || !read_assessments (db, data, error) ||
      !read_tags (db, data, error))
    return FALSE;
  if (data->options.include_notes && !read_notes (db, data, error))
    return FALSE;
  return TRUE;
}

/* Laying out and drawing pages. */

typedef struct
{
  cairo_t *cr;              /* NULL while counting the pages */
  PangoContext *context;
  const ReportData *data;
  double page_w, page_h;
  double x, width;          /* the text column */
  double top, bottom;       /* where the body goes */
  double y;
  guint page;
  guint n_pages;            /* 0 while counting */
  char *range_text;
  RwReportProgressFunc progress;
  gpointer progress_data;
  double progress_from, progress_span;
  GCancellable *cancellable;
} Pen;

static PangoLayout *
make_layout (Pen        *pen,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT);

  pango_font_description_set_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, MAX (1.0, width) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  return h;
}

static void
show_layout (Pen         *pen,
             PangoLayout *layout,
             double       x,
             double       y,
             double       grey)
{
  if (pen->cr == NULL)
    return;
  cairo_set_source_rgb (pen->cr, grey, grey, grey);
  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
start_page (Pen *pen)
{
  g_autoptr(PangoLayout) running = NULL;

  pen->y = pen->top;
  if (pen->cr == NULL)
    return;
  cairo_set_source_rgb (pen->cr, 1, 1, 1);
  cairo_paint (pen->cr);
  if (pen->page > 1)
    {
      /* Translators: the running head of the report's later pages, "Rewire report: 1 March 2026 to 31 May 2026" */
      g_autofree char *text = g_strdup_printf (_("Rewire report: %s"), pen->range_text);

      running = make_layout (pen, text, SMALL_SIZE, FALSE, pen->width);
      show_layout (pen, running, pen->x, MARGIN / 2, 0.3);
    }
}

static void
finish_page (Pen *pen)
{
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autofree char *number = NULL;
  double y;
  int w;

  if (pen->cr == NULL)
    return;
  /* Translators: at the foot of every page of the report */
  number = g_strdup_printf (_("Page %u of %u"), pen->page, pen->n_pages);
  right = make_layout (pen, number, SMALL_SIZE, FALSE, pen->width);
  pango_layout_set_width (right, -1);
  pango_layout_get_pixel_size (right, &w, NULL);
  left = make_layout (pen, _("Made with Rewire, a personal journal; not a medical record."),
                      SMALL_SIZE, FALSE, pen->width - w - 12);
  y = pen->bottom + 10;
  cairo_set_source_rgb (pen->cr, 0.5, 0.5, 0.5);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, pen->x, y - 4);
  cairo_line_to (pen->cr, pen->x + pen->width, y - 4);
  cairo_stroke (pen->cr);
  show_layout (pen, left, pen->x, y, 0.3);
  show_layout (pen, right, pen->x + pen->width - w, y, 0.3);
}

static void
new_page (Pen *pen)
{
  finish_page (pen);
  if (pen->cr != NULL)
    cairo_show_page (pen->cr);
  pen->page++;
  start_page (pen);
}

/* Room for @height more on this page, else a new one; TRUE when a page
 * was started. */
static gboolean
ensure_room (Pen    *pen,
             double  height)
{
  if (pen->y + height <= pen->bottom || pen->y == pen->top)
    return FALSE;
  new_page (pen);
  return TRUE;
}

static void
report_progress (Pen    *pen,
                 double  fraction)
{
  /* Only the drawing pass counts: measuring is the quick part. */
  if (pen->cr != NULL && pen->progress != NULL)
    pen->progress (pen->progress_from + pen->progress_span * CLAMP (fraction, 0, 1),
                   pen->progress_data);
}

static void
add_paragraph (Pen        *pen,
               const char *text,
               double      size,
               gboolean    bold,
               double      grey,
               double      space_after)
{
  g_autoptr(PangoLayout) layout = make_layout (pen, text, size, bold, pen->width);
  double h = layout_height (layout);

  ensure_room (pen, h);
  show_layout (pen, layout, pen->x, pen->y, grey);
  pen->y += h + space_after;
}

static void
add_heading (Pen        *pen,
             const char *text,
             double      keep_with)
{
  g_autoptr(PangoLayout) layout = make_layout (pen, text, HEADING_SIZE, TRUE, pen->width);
  double h = layout_height (layout);

  if (pen->y > pen->top)
    pen->y += SECTION_GAP;
  /* A heading never ends a page alone. */
  ensure_room (pen, h + 6 + keep_with);
  show_layout (pen, layout, pen->x, pen->y, 0);
  pen->y += h + 6;
}

/* Tables: a header row in bold, repeated on each page the table runs
 * onto, rows in light grey and white. */

typedef struct
{
  guint n_columns;
  const double *widths;     /* fractions of the text column */
  const char *const *titles;
  guint row;
} Table;

static double
row_height (Pen               *pen,
            const Table       *table,
            const char *const *cells,
            gboolean           bold,
            PangoLayout      **layouts)
{
  double h = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      layouts[c] = make_layout (pen, cells[c] != NULL ? cells[c] : "", BODY_SIZE, bold,
                                table->widths[c] * pen->width - 2 * CELL_PAD);
      h = MAX (h, layout_height (layouts[c]));
    }
  return h + 2 * CELL_PAD;
}

static void
draw_row (Pen          *pen,
          const Table  *table,
          PangoLayout **layouts,
          double        height,
          gboolean      header)
{
  double x = pen->x;

  if (pen->cr != NULL)
    {
      if (header)
        {
          cairo_set_source_rgb (pen->cr, 0, 0, 0);
          cairo_set_line_width (pen->cr, 1);
          cairo_move_to (pen->cr, pen->x, pen->y + height - 0.5);
          cairo_line_to (pen->cr, pen->x + pen->width, pen->y + height - 0.5);
          cairo_stroke (pen->cr);
        }
      else if (table->row % 2 == 1)
        {
          cairo_set_source_rgb (pen->cr, 0.93, 0.93, 0.93);
          cairo_rectangle (pen->cr, pen->x, pen->y, pen->width, height);
          cairo_fill (pen->cr);
        }
    }
  for (guint c = 0; c < table->n_columns; c++)
    {
      show_layout (pen, layouts[c], x + CELL_PAD, pen->y + CELL_PAD, 0);
      x += table->widths[c] * pen->width;
    }
  pen->y += height;
}

static void
add_table_header (Pen   *pen,
                  Table *table)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double h = row_height (pen, table, table->titles, TRUE, layouts);

  draw_row (pen, table, layouts, h, TRUE);
  for (guint c = 0; c < table->n_columns; c++)
    g_object_unref (layouts[c]);
}

static void
add_table_row (Pen               *pen,
               Table             *table,
               const char *const *cells)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double h = row_height (pen, table, cells, FALSE, layouts);

  if (ensure_room (pen, h))
    add_table_header (pen, table);
  draw_row (pen, table, layouts, h, FALSE);
  table->row++;
  for (guint c = 0; c < table->n_columns; c++)
    g_object_unref (layouts[c]);
}

/* The sections. */

static void
add_title (Pen *pen)
{
  const RwReportOptions *options = &pen->data->options;
  g_autofree char *made = rw_date_format (options->made != 0 ? options->made : rw_date_today (),
                                          "%-d %B %Y");
  g_autofree char *made_text = NULL;
  g_autofree char *logged = NULL;
  guint n = rw_series_get_n_days (pen->data->series);

  add_paragraph (pen, _("Rewire report"), TITLE_SIZE, TRUE, 0, 4);
  add_paragraph (pen, pen->range_text, HEADING_SIZE, FALSE, 0, 4);
  /* Translators: in the report's header, "Made on 4 December 2026" */
  made_text = g_strdup_printf (_("Made on %s"), made);
  add_paragraph (pen, made_text, BODY_SIZE, FALSE, 0.2, 2);
  logged = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u day has a check-in",
                                         "%u of %u days have a check-in", n),
                            rw_series_get_days_logged (pen->data->series), n);
  add_paragraph (pen, logged, BODY_SIZE, FALSE, 0.2, 8);
  add_paragraph (pen, _("Made with Rewire, a personal journal; not a medical record. Everything "
                        "here was entered by the person who keeps the journal, in their own "
                        "words and ratings. The questionnaire totals are screening scores, not "
                        "a diagnosis."),
                 BODY_SIZE, TRUE, 0, 4);
  if (!options->include_notes)
    add_paragraph (pen, _("Notes and integration answers are left out of this report."),
                   BODY_SIZE, FALSE, 0.2, 0);
}

static void
print_style (RwChartStyle *style)
{
  rw_chart_style_init (style, FALSE);
  /* Dark and mid greys print the same on any printer; the mood's line and
   * its weekly mean differ in weight, sleep is in panels of its own. */
  style->series[RW_SERIES_MOOD] = (RwColor) { 0.45, 0.45, 0.45, 1 };
  style->series[RW_SERIES_SLEEP_HOURS] = (RwColor) { 0.6, 0.6, 0.6, 1 };
  style->series[RW_SERIES_SLEEP_QUALITY] = (RwColor) { 0.15, 0.15, 0.15, 1 };
  style->rolling = (RwColor) { 0, 0, 0, 1 };
  style->marker = (RwColor) { 0, 0, 0, 0.55 };
  style->foreground = (RwColor) { 0, 0, 0, 1 };
  style->dim = (RwColor) { 0.25, 0.25, 0.25, 1 };
  style->grid = (RwColor) { 0, 0, 0, 0.15 };
  style->font = "Sans 7.5";
  style->resolution = 72;
}

static void
add_chart (Pen                *pen,
           const char         *title,
           const RwSeriesKind *kinds,
           guint               n_kinds)
{
  g_autoptr(RwChart) chart = NULL;
  RwChartStyle style;

  add_heading (pen, title, CHART_HEIGHT);
  ensure_room (pen, CHART_HEIGHT);
  if (pen->cr != NULL)
    {
      chart = rw_chart_new ();
      for (guint k = 0; k < RW_N_SERIES; k++)
        rw_chart_set_visible (chart, k, FALSE);
      for (guint k = 0; k < n_kinds; k++)
        rw_chart_set_visible (chart, kinds[k], TRUE);
      rw_chart_set_series (chart, pen->data->series);
      rw_session_marks_add_to_chart (pen->data->marks, chart);
      print_style (&style);
      cairo_save (pen->cr);
      cairo_rectangle (pen->cr, pen->x, pen->y, pen->width, CHART_HEIGHT);
      cairo_clip (pen->cr);
      cairo_translate (pen->cr, pen->x, pen->y);
      rw_chart_draw (chart, pen->cr, pen->width, CHART_HEIGHT, &style);
      cairo_restore (pen->cr);
    }
  pen->y += CHART_HEIGHT + 4;
  if (pen->data->marks->len > 0)
    add_paragraph (pen, _("Vertical lines mark the days of sessions."), SMALL_SIZE, FALSE, 0.3, 0);
}

/* Mood from 7 days before to 14 after each session that took place, as
 * the Trends view's Around sessions chart draws it. */
static void
add_around_chart (Pen *pen)
{
  RwAround *around = pen->data->around;
  g_autofree char *caption = NULL;
  RwChartStyle style;

  add_heading (pen, _("Mood around sessions"), CHART_HEIGHT);
  if (rw_around_get_n_sessions (around) == 0)
    {
      add_paragraph (pen, _("No session took place in this range."), BODY_SIZE, FALSE, 0.2, 0);
      return;
    }
  ensure_room (pen, CHART_HEIGHT);
  if (pen->cr != NULL)
    {
      print_style (&style);
      cairo_save (pen->cr);
      cairo_rectangle (pen->cr, pen->x, pen->y, pen->width, CHART_HEIGHT);
      cairo_clip (pen->cr);
      cairo_translate (pen->cr, pen->x, pen->y);
      rw_chart_around_draw (around, pen->cr, pen->width, CHART_HEIGHT, &style);
      cairo_restore (pen->cr);
    }
  pen->y += CHART_HEIGHT + 4;
  caption = rw_around_describe (around);
  if (caption != NULL)
    add_paragraph (pen, caption, SMALL_SIZE, FALSE, 0.3, 0);
}

static char *
format_mean (double mean,
             guint  n)
{
  return n > 0 ? g_strdup_printf ("%.1f", mean) : g_strdup ("–");
}

static void
add_weekly_means (Pen *pen)
{
  static const RwSeriesKind kinds[] = {
    RW_SERIES_MOOD, RW_SERIES_ANXIETY, RW_SERIES_FOCUS, RW_SERIES_HOPE, RW_SERIES_ENERGY,
    RW_SERIES_SLEEP_QUALITY, RW_SERIES_SLEEP_HOURS,
  };
  static const double widths[] = { 0.23, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11, 0.11 };
  const char *titles[G_N_ELEMENTS (widths)];
  Table table = { G_N_ELEMENTS (widths), widths, titles, 0 };
  RwSeries *series = pen->data->series;
  g_autoptr(GArray) bounds = rw_series_bin_bounds (series, RW_BIN_WEEK);

  titles[0] = _("Week");
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    titles[k + 1] = rw_series_kind_get_label (kinds[k]);

  add_heading (pen, _("Weekly means"), 60);
  add_paragraph (pen, _("The mean of each day's values over the week (Monday to Sunday); a dash "
                        "where no day of the week has one. Sleep in hours, the rest from 0 to 10."),
                 SMALL_SIZE, FALSE, 0.3, 4);
  add_table_header (pen, &table);
  for (guint b = 0; b + 1 < bounds->len; b++)
    {
      guint start = g_array_index (bounds, guint, b);
      guint end = g_array_index (bounds, guint, b + 1);
      g_autofree char *from = rw_date_format (rw_series_get_first (series) + start, "%-d %b %Y");
      char *cells[G_N_ELEMENTS (widths)] = { 0 };

      cells[0] = g_strdup (from);
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          double mean, min, max;
          guint n = rw_series_summarise (series, kinds[k], start, end, &mean, &min, &max);

          cells[k + 1] = format_mean (mean, n);
        }
      add_table_row (pen, &table, (const char *const *) cells);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        g_free (cells[c]);
      if (g_cancellable_is_cancelled (pen->cancellable))
        return;
      report_progress (pen, 0.3 + 0.3 * (b + 1) / MAX (1, bounds->len - 1));
    }
}

static void
add_assessments (Pen *pen)
{
  static const double widths[] = { 0.25, 0.25, 0.2, 0.3 };
  const char *titles[] = { _("Date"), _("Questionnaire"), _("Total"), _("Screening score") };
  Table table = { G_N_ELEMENTS (widths), widths, titles, 0 };
  const GPtrArray *assessments = pen->data->assessments;

  add_heading (pen, _("PHQ-9 and GAD-7"), 40);
  if (assessments->len == 0)
    {
      add_paragraph (pen, _("No questionnaire was filled in in this range."), BODY_SIZE, FALSE,
                     0.2, 0);
      return;
    }
  add_paragraph (pen, _("Totals of the questionnaires as filled in by the person, with the "
                        "band each total falls in. These are screening scores, not a diagnosis."),
                 SMALL_SIZE, FALSE, 0.3, 4);
  add_table_header (pen, &table);
  for (guint i = 0; i < assessments->len; i++)
    {
      const RwAssessment *a = assessments->pdata[i];
      g_autofree char *date = rw_date_format (a->date, "%-d %b %Y");
      g_autofree char *total = g_strdup_printf ("%u / %u", a->total,
                                                rw_questionnaire_kind_max_total (a->kind));
      const char *cells[] = { date, rw_questionnaire_kind_title (a->kind), total,
                              rw_questionnaire_band_label (rw_questionnaire_band (a->kind, a->total)) };

      add_table_row (pen, &table, cells);
    }
}

static char *
format_pressure (RwSession      *session,
                 RwSessionVital  systolic,
                 RwSessionVital  diastolic,
                 RwSessionVital  heart_rate)
{
  GString *text = g_string_new (NULL);
  int hr = rw_session_get_vital (session, heart_rate);

  if (rw_session_get_vital (session, systolic) != RW_SESSION_UNSET &&
      rw_session_get_vital (session, diastolic) != RW_SESSION_UNSET)
    g_string_append_printf (text, "%d/%d", rw_session_get_vital (session, systolic),
                            rw_session_get_vital (session, diastolic));
  if (hr != RW_SESSION_UNSET)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a heart rate in the report's session log */
      g_string_append_printf (text, _("%d bpm"), hr);
    }
  if (text->len == 0)
    g_string_append (text, "–");
  return g_string_free (text, FALSE);
}

static char *
format_side_effects (RwSession *session)
{
  RwSideEffects effects = rw_session_get_side_effects (session);
  const char *other = rw_session_get_side_effects_other (session);
  GString *text = g_string_new (NULL);

  for (guint e = 0; e < RW_N_SIDE_EFFECTS; e++)
    {
      RwSideEffects effect = 1 << e;

      if ((effects & effect) == 0 || (effect == RW_SIDE_EFFECT_OTHER && other != NULL && *other != '\0'))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, rw_side_effect_get_label (effect));
    }
  if (other != NULL && *other != '\0')
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, other);
    }
  if (text->len == 0)
    g_string_append (text, _("none noted"));
  return g_string_free (text, FALSE);
}

static char *
format_rating (int value)
{
  return value != RW_SESSION_UNSET ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

static void
add_sessions (Pen *pen)
{
  static const double widths[] = { 0.13, 0.15, 0.19, 0.08, 0.08, 0.17, 0.1, 0.1 };
  const char *titles[] = { _("Date"), _("Route and phase"), _("Provider and dose"),
                           _("Intensity"), _("Detached"), _("Side effects"),
                           _("Before (BP, heart rate)"), _("After (BP, heart rate)") };
  Table table = { G_N_ELEMENTS (widths), widths, titles, 0 };
  const GPtrArray *sessions = pen->data->sessions;

  add_heading (pen, _("Sessions"), 40);
  if (sessions->len == 0)
    {
      add_paragraph (pen, _("No session in this range."), BODY_SIZE, FALSE, 0.2, 0);
      return;
    }
  add_paragraph (pen, _("As logged by the person: the dose as they wrote it, intensity and how "
                        "detached or dreamlike it felt on their own 0–10 ratings, and the blood "
                        "pressure and heart rate they noted."), SMALL_SIZE, FALSE, 0.3, 4);
  add_table_header (pen, &table);
  for (guint i = 0; i < sessions->len; i++)
    {
      RwSession *s = sessions->pdata[i];
      const char *time = rw_session_get_time (s);
      const char *provider = rw_session_get_provider (s);
      const char *dose = rw_session_get_dose (s);
      g_autofree char *day = rw_date_format (rw_date_from_iso (rw_session_get_date (s)), "%-d %b %Y");
      g_autofree char *date = g_strdup_printf ("%s%s%s%s", day, time != NULL ? " " : "",
                                               time != NULL ? time : "",
                                               rw_session_get_done (s) ? "" : _(" (planned)"));
      g_autofree char *route = g_strdup_printf ("%s, %s",
                                                rw_session_route_get_label (rw_session_get_route (s)),
                                                rw_session_phase_get_label (rw_session_get_phase (s)));
      g_autofree char *who = g_strdup_printf ("%s%s%s", provider,
                                              *provider != '\0' && *dose != '\0' ? "; " : "", dose);
      g_autofree char *intensity = format_rating (rw_session_get_intensity (s));
      g_autofree char *detached = format_rating (rw_session_get_detached (s));
      g_autofree char *effects = format_side_effects (s);
      g_autofree char *before = format_pressure (s, RW_SESSION_VITAL_BP_BEFORE_SYSTOLIC,
                                                 RW_SESSION_VITAL_BP_BEFORE_DIASTOLIC,
                                                 RW_SESSION_VITAL_HR_BEFORE);
      g_autofree char *after = format_pressure (s, RW_SESSION_VITAL_BP_AFTER_SYSTOLIC,
                                                RW_SESSION_VITAL_BP_AFTER_DIASTOLIC,
                                                RW_SESSION_VITAL_HR_AFTER);
      const char *cells[] = { date, route, who, intensity, detached, effects, before, after };

      add_table_row (pen, &table, cells);
    }
}

static void
add_tags (Pen *pen)
{
  static const double widths[] = { 0.6, 0.4 };
  const char *titles[] = { _("Tag"), _("Check-ins with it") };
  Table table = { G_N_ELEMENTS (widths), widths, titles, 0 };
  const GArray *tags = pen->data->tags;

  add_heading (pen, _("Most used tags"), 40);
  if (tags->len == 0)
    {
      add_paragraph (pen, _("No check-in in this range has a tag."), BODY_SIZE, FALSE, 0.2, 0);
      return;
    }
  add_table_header (pen, &table);
  for (guint i = 0; i < tags->len; i++)
    {
      const TagCount *t = &g_array_index (tags, TagCount, i);
      g_autofree char *count = g_strdup_printf ("%u", t->count);
      const char *cells[] = { t->name, count };

      add_table_row (pen, &table, cells);
    }
}

static void
add_dated_text (Pen        *pen,
                const char *when,
                const char *text)
{
  g_autoptr(PangoLayout) head = make_layout (pen, when, BODY_SIZE, TRUE, pen->width);
  double h = layout_height (head);

  /* The date stays with at least the first lines of its text. */
  ensure_room (pen, h + 3 * BODY_SIZE * 1.3);
  show_layout (pen, head, pen->x, pen->y, 0);
  pen->y += h + 1;
  /* Long text flows on, a paragraph at a time. */
  {
    g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

    for (guint p = 0; paragraphs[p] != NULL; p++)
      if (*g_strstrip (paragraphs[p]) != '\0')
        add_paragraph (pen, paragraphs[p], BODY_SIZE, FALSE, 0, 2);
  }
  pen->y += 4;
}

static void
add_notes (Pen *pen)
{
  const ReportData *data = pen->data;

  add_heading (pen, _("Notes"), 40);
  if (data->notes->len == 0)
    add_paragraph (pen, _("No check-in in this range has a note."), BODY_SIZE, FALSE, 0.2, 0);
  for (guint i = 0; i < data->notes->len; i++)
    {
      const Note *n = &g_array_index (data->notes, Note, i);
      g_autofree char *day = rw_date_format (n->day, "%-d %B %Y");
      g_autofree char *when = g_strdup_printf ("%s, %s", day, n->time);

      add_dated_text (pen, when, n->note);
      if (g_cancellable_is_cancelled (pen->cancellable))
        return;
      report_progress (pen, 0.8 + 0.15 * (i + 1) / data->notes->len);
    }

  add_heading (pen, _("Sessions in the person's words"), 40);
  {
    gboolean any = FALSE;

    for (guint i = 0; i < data->sessions->len; i++)
      {
        RwSession *session = data->sessions->pdata[i];
        g_autofree char *day = rw_date_format (rw_date_from_iso (rw_session_get_date (session)),
                                               "%-d %B %Y");

        if (*rw_session_get_intention (session) != '\0')
          {
            /* Translators: "Intention for the session of 3 March 2026" */
            g_autofree char *when = g_strdup_printf (_("Intention for the session of %s"), day);
            add_dated_text (pen, when, rw_session_get_intention (session));
            any = TRUE;
          }
        if (*rw_session_get_note (session) != '\0')
          {
            /* Translators: "Note on the session of 3 March 2026" */
            g_autofree char *when = g_strdup_printf (_("Note on the session of %s"), day);
            add_dated_text (pen, when, rw_session_get_note (session));
            any = TRUE;
          }
        for (guint d = 1; d <= RW_SESSION_INTEGRATION_DAYS; d++)
          for (guint q = 0; q < RW_N_INTEGRATION_PROMPTS; q++)
            {
              const char *answer = rw_session_get_integration (session, d, q);

              if (*answer != '\0')
                {
                  /* Translators: "Day 2 after the session of 3 March 2026: What was hard?" */
                  g_autofree char *when = g_strdup_printf (_("Day %u after the session of %s: %s"),
                                                           d, day,
                                                           rw_integration_prompt_get_label (q));
                  add_dated_text (pen, when, answer);
                  any = TRUE;
                }
            }
      }
    if (!any)
      add_paragraph (pen, _("No intention, session note or integration answer in this range."),
                     BODY_SIZE, FALSE, 0.2, 0);
  }
}

/* Lays out (and with a cairo_t draws) every page; the number of pages. */
static guint
lay_out (Pen *pen)
{
  static const RwSeriesKind mood[] = { RW_SERIES_MOOD };
  static const RwSeriesKind sleep[] = { RW_SERIES_SLEEP_HOURS, RW_SERIES_SLEEP_QUALITY };

  pen->page = 1;
  start_page (pen);
  add_title (pen);
  report_progress (pen, 0.05);
  add_chart (pen, _("Mood"), mood, G_N_ELEMENTS (mood));
  report_progress (pen, 0.12);
  add_chart (pen, _("Sleep"), sleep, G_N_ELEMENTS (sleep));
  report_progress (pen, 0.2);
  add_around_chart (pen);
  report_progress (pen, 0.3);
  add_weekly_means (pen);
  add_assessments (pen);
  report_progress (pen, 0.65);
  add_sessions (pen);
  report_progress (pen, 0.75);
  add_tags (pen);
  report_progress (pen, 0.8);
  if (pen->data->options.include_notes)
    add_notes (pen);
  finish_page (pen);
  return pen->page;
}

typedef struct
{
  int fd;
  GError *error;
} Stream;

static cairo_status_t
stream_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Stream *stream = closure;

  if (stream->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!rw_export_write_all (stream->fd, (const char *) data, length, &stream->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  const ReportData *data;
  RwReportProgressFunc progress;
  gpointer progress_data;
  guint n_pages;
} WriteJob;

static void
paper_size (RwPaper  paper,
            double  *width,
            double  *height)
{
  /* Portrait, in points. */
  *width = paper == RW_PAPER_LETTER ? 612 : 595.28;
  *height = paper == RW_PAPER_LETTER ? 792 : 841.89;
}

static gboolean
write_pdf_cb (int            fd,
              gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  WriteJob *job = user_data;
  const ReportData *data = job->data;
  g_autofree char *from = rw_date_format (data->options.first, "%-d %B %Y");
  g_autofree char *to = rw_date_format (data->options.last, "%-d %B %Y");
  PangoFontMap *font_map = pango_cairo_font_map_new ();
  Stream stream = { fd, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { 0 };

  pen.data = data;
  paper_size (data->options.paper, &pen.page_w, &pen.page_h);
  pen.x = MARGIN;
  pen.width = pen.page_w - 2 * MARGIN;
  pen.top = MARGIN;
  pen.bottom = pen.page_h - MARGIN;
  /* Translators: the report's range, "1 March 2026 to 31 May 2026" */
  pen.range_text = g_strdup_printf (_("%s to %s"), from, to);
  pen.cancellable = cancellable;
  pen.progress = job->progress;
  pen.progress_data = job->progress_data;
  pen.progress_from = 0.1;
  pen.progress_span = 0.9;
  /* Text is shaped in a context of the report's own, in points, so that
   * counting the pages and drawing them agree. */
  pen.context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (pen.context, 72);
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options (pen.context, options);
    cairo_font_options_destroy (options);
  }

  pen.n_pages = lay_out (&pen);

  surface = cairo_pdf_surface_create_for_stream (stream_write_cb, &stream, pen.page_w, pen.page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Rewire report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rewire " PACKAGE_VERSION);
  pen.cr = cairo_create (surface);
  job->n_pages = lay_out (&pen);
  g_assert (g_cancellable_is_cancelled (cancellable) || job->n_pages == pen.n_pages);
  status = cairo_status (pen.cr);
  cairo_destroy (pen.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_object_unref (pen.context);
  g_object_unref (font_map);
  g_free (pen.range_text);

  if (stream.error != NULL)
    {
      g_propagate_error (error, stream.error);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * rw_report_options_init:
 * @options: the options to fill
 *
 * The window's defaults: the last 90 days to today, no notes, the
 * locale's paper, made today.
 */
void
rw_report_options_init (RwReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->last = rw_date_today ();
  options->first = options->last - 89;
  options->include_notes = FALSE;
  options->paper = rw_paper_get_default ();
  options->made = 0;
}

/**
 * rw_report_write:
 * @db: the journal
 * @options: what goes in
 * @path: the PDF to write
 * @progress: (nullable): told how far the report is, in this thread
 * @progress_data: for @progress
 * @n_pages: (out) (optional): how many pages it has
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads what the report shows and writes it as a PDF that only its
 * owner can read, through rw_export_write_file(): nothing is at @path
 * until it is whole, and a failure or cancellation leaves nothing.
 *
 * Returns: whether the report was written
 */
gboolean
rw_report_write (RwDatabase            *db,
                 const RwReportOptions *options,
                 const char            *path,
                 RwReportProgressFunc   progress,
                 gpointer               progress_data,
                 guint                 *n_pages,
                 GCancellable          *cancellable,
                 GError               **error)
{
  ReportData data = { 0 };
  WriteJob job = { &data, progress, progress_data, 0 };
  gboolean ok;

  g_return_val_if_fail (RW_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->first == 0 || options->last == 0 || options->first > options->last)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The report's first day is after its last: choose a first day "
                             "on or before the last."));
      return FALSE;
    }
  if (options->last - options->first >= 366 * 20)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A report covers at most 20 years: choose a shorter range."));
      return FALSE;
    }

  data.options = *options;
  if (progress != NULL)
    progress (0, progress_data);
  ok = read_report (db, &data, error);
  if (ok && progress != NULL)
    progress (0.1, progress_data);
  ok = ok && rw_export_write_file (path, write_pdf_cb, &job, cancellable, error);
  report_data_clear (&data);
  if (ok && n_pages != NULL)
    *n_pages = job.n_pages;
  if (ok && progress != NULL)
    progress (1, progress_data);
  return ok;
}

/* In a worker thread, with a connection of its own. */

typedef struct
{
  char *data_dir;
  RwReportOptions options;
  char *path;
  RwReportProgressFunc progress;
  gpointer progress_data;
  GDestroyNotify progress_destroy;
  GMainContext *context;    /* where progress is told */
  guint n_pages;
} AsyncJob;

static void
async_job_free (AsyncJob *job)
{
  if (job->progress_destroy != NULL)
    job->progress_destroy (job->progress_data);
  g_main_context_unref (job->context);
  g_free (job->data_dir);
  g_free (job->path);
  g_free (job);
}

typedef struct
{
  GTask *task;      /* keeps the job alive */
  double fraction;
} ProgressCall;

static gboolean
tell_progress_cb (gpointer user_data)
{
  ProgressCall *call = user_data;
  AsyncJob *job = g_task_get_task_data (call->task);

  if (!g_task_had_error (call->task) && !g_cancellable_is_cancelled (g_task_get_cancellable (call->task)))
    job->progress (call->fraction, job->progress_data);
  return G_SOURCE_REMOVE;
}

static void
progress_call_free (ProgressCall *call)
{
  g_object_unref (call->task);
  g_free (call);
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  GTask *task = user_data;
  AsyncJob *job = g_task_get_task_data (task);
  ProgressCall *call = g_new0 (ProgressCall, 1);

  call->task = g_object_ref (task);
  call->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, tell_progress_cb, call,
                              (GDestroyNotify) progress_call_free);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AsyncJob *job = task_data;
  g_autoptr(RwDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  /* Read-write, as the window's own connection is: a read-only one cannot
   * read what is still in the write-ahead log. The report writes nothing. */
  db = rw_database_open (job->data_dir, &error);
  if (db == NULL ||
      !rw_report_write (db, &job->options, job->path,
                        job->progress != NULL ? thread_progress_cb : NULL, task, &job->n_pages,
                        cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * rw_report_write_async:
 * @data_dir: the folder of the journal
 * @options: what goes in (copied)
 * @path: the PDF to write
 * @progress: (nullable): told how far the report is, in the thread-default
 *   main context of this call
 * @progress_data: for @progress
 * @progress_destroy: (nullable): frees @progress_data when the job is over
 * @cancellable: (nullable): a #GCancellable; cancelling leaves no file
 * @callback: called in this thread when done
 * @user_data: for @callback
 *
 * rw_report_write() in a worker thread, on a connection of its own, so that the window goes on drawing and reading.
 */
void
rw_report_write_async (const char            *data_dir,
                       const RwReportOptions *options,
                       const char            *path,
                       RwReportProgressFunc   progress,
                       gpointer               progress_data,
                       GDestroyNotify         progress_destroy,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncJob *job;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (path != NULL);

  job = g_new0 (AsyncJob, 1);
  job->data_dir = g_strdup (data_dir);
  job->options = *options;
  job->path = g_strdup (path);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rw_report_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) async_job_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * rw_report_write_finish:
 * @result: the result handed to the callback
 * @n_pages: (out) (optional): how many pages the report has
 * @error: return location for a #GError
 *
 * Returns: whether the report was written
 */
gboolean
rw_report_write_finish (GAsyncResult  *result,
                        guint         *n_pages,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_pages != NULL)
    *n_pages = ((AsyncJob *) g_task_get_task_data (G_TASK (result)))->n_pages;
  return TRUE;
}
