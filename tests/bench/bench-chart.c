/* bench-chart.c: the Trends chart as a person sees it. RwChartView, the
 * widget the Trends page shows, in its frame and in the app's stylesheet,
 * in a real GTK window (run under Xvfb with GSK_RENDERER=cairo, and
 * GDK_SCALE=2 for scale 2), over the whole of a journal imported from a
 * CSV (tests/bench/generate.py --days 3650: ten years of daily check-ins,
 * "All"). run-chart-bench.py runs it at scale 1 and 2.
 *
 * A frame is timed from the frame clock's before-paint to its after-paint,
 * after which the X server is synced, so that what it still had to draw is
 * counted; what the handler of a hover or of new data took before the
 * frame is added. Two figures per frame: the wall clock, and the CPU time
 * of this process and of the X server (--server-pid) over the same span,
 * which waiting for a busy CPU on a shared machine does not inflate. The
 * targets are judged on CPU time when the server's is known.
 *
 * Each cost is a frame less an empty-draw frame (a GtkDrawingArea that
 * draws nothing, in the same frame, at the same size, measured in the same
 * run):
 *
 *   full redraw   the chart drawn again with its layout kept, as after a
 *                 change of style;
 *   new data      a new series: layout and reduction computed, and drawn;
 *   hover         the pointer moving over the chart: only the highlight
 *                 changes; the frame itself is compared with an empty one;
 *   polyline      the baseline: a GtkDrawingArea stroking one antialiased
 *                 polyline through every day's mood.
 *
 * Frames of each kind are interleaved in rounds; medians of all of them.
 * Hovering that lays out or draws the chart fails the run.
 *
 *   bench-chart --csv FILE --end YYYY-MM-DD [--frames 15] [--rounds 4]
 *               [--width 1200] [--height 400] [--server-pid PID] [--only KIND]
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "rw-chart-view.h"
#include "rw-import.h"
#include "rw-journal-private.h"
#include "rw-test-util.h"

typedef enum
{
  EMPTY,
  FULL,
  NEW_DATA,
  HOVER,
  POLYLINE,
  N_KINDS
} Kind;

static const char * const kind_names[N_KINDS] = {
  "empty-draw", "full redraw", "new data", "hover", "naive polyline",
};

typedef struct
{
  GtkWidget *window;
  GtkWidget *stack;
  RwChartView *view;
  GtkWidget *frame;          /* around the view, as on the page */
  GtkWidget *empty;
  GtkWidget *polyline;
  RwSeries *series;
  double *moods;             /* per day, NAN when none */
  guint n_days;
  Display *xdisplay;
  int server_pid;            /* the X server's, to count its CPU time too */
  gint64 start, end;         /* wall clock, µs */
  gint64 cpu_start, cpu_end; /* this process and the X server on the CPU, ns */
  gboolean painted;
} Bench;

/* Nanoseconds the threads of process @pid have run. */
static gint64
task_cpu_time (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/task", pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *task;
  gint64 total = 0;

  while (dir != NULL && (task = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s/schedstat", path, task);
      g_autofree char *text = NULL;

      if (g_file_get_contents (file, &text, NULL, NULL))
        total += g_ascii_strtoll (text, NULL, 10);
    }
  return total;
}

static gint64
cpu_time (Bench *bench)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec +
         (bench->server_pid > 0 ? task_cpu_time (bench->server_pid) : 0);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  double *v = (double *) values->data;
  guint n = values->len;

  if (n == 0)
    return NAN;
  qsort (v, n, sizeof (double), compare_doubles);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  XSync (bench->xdisplay, False);
  bench->start = g_get_monotonic_time ();
  bench->cpu_start = cpu_time (bench);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  XSync (bench->xdisplay, False);
  bench->cpu_end = cpu_time (bench);
  bench->end = g_get_monotonic_time ();
  bench->painted = TRUE;
}

typedef struct
{
  double wall, cpu;         /* ms */
} Sample;

/* Runs the main loop until a frame has been painted; its times. */
static Sample
wait_frame (Bench *bench)
{
  bench->painted = FALSE;
  while (!bench->painted)
    g_main_context_iteration (NULL, TRUE);
  return (Sample) { (bench->end - bench->start) / 1000.0, (bench->cpu_end - bench->cpu_start) / 1e6 };
}

static void
settle (Bench *bench)
{
  for (guint i = 0; i < 3; i++)
    {
      gtk_widget_queue_draw (bench->window);
      wait_frame (bench);
    }
}

static void
draw_nothing_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
}

static void
draw_polyline_cb (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  Bench *bench = user_data;
  gboolean first = TRUE;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.1, 0.4, 0.8);
  cairo_set_line_width (cr, 1.5);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
  for (guint i = 0; i < bench->n_days; i++)
    {
      double x = (i + 0.5) * width / bench->n_days;
      double y = height * (1 - bench->moods[i] / 10);

      if (isnan (bench->moods[i]))
        continue;
      if (first)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      first = FALSE;
    }
  cairo_stroke (cr);
}

static GtkEventController *
motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_not_reached ();
  return NULL;
}

/* One frame of @kind, with what its handler took before it. */
static Sample
frame (Bench *bench,
       Kind   kind,
       guint  i)
{
  RwChart *chart = rw_chart_view_get_chart (bench->view);
  gint64 start = g_get_monotonic_time (), cpu_start = cpu_time (bench);
  Sample sample;

  switch (kind)
    {
    case EMPTY:
      gtk_widget_queue_draw (bench->empty);
      break;
    case POLYLINE:
      gtk_widget_queue_draw (bench->polyline);
      break;
    case FULL:
      rw_chart_view_queue_chart_draw (bench->view);
      break;
    case NEW_DATA:
      /* The same days anew, as a reload after the journal changed gives. */
      rw_chart_view_set_series (bench->view, NULL);
      rw_chart_view_set_series (bench->view, bench->series);
      break;
    case HOVER:
      {
        /* The pointer sweeping across, a few pixels a frame. */
        int width = gtk_widget_get_width (GTK_WIDGET (bench->view));
        double x = 60 + (i * 13) % (width - 120);

        g_signal_emit_by_name (motion_controller (GTK_WIDGET (bench->view)), "motion", x, 150.0);
        g_assert_cmpint (rw_chart_get_highlight (chart), >=, 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  /* The handler's time (nothing, but for a hover or new data) and the frame's. */
  sample.wall = (g_get_monotonic_time () - start) / 1000.0;
  sample.cpu = (cpu_time (bench) - cpu_start) / 1e6;
  {
    Sample painted = wait_frame (bench);

    sample.wall += painted.wall;
    sample.cpu += painted.cpu;
  }
  return sample;
}

static GtkWidget *
framed (GtkWidget *child)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_add_css_class (frame, "chart-frame");
  gtk_frame_set_child (GTK_FRAME (frame), child);
  return frame;
}

static GtkWidget *
child_for (Bench *bench,
           Kind   kind)
{
  return gtk_widget_get_parent (kind == EMPTY ? bench->empty : kind == POLYLINE ? bench->polyline
                                                                    : GTK_WIDGET (bench->view));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *csv = NULL;
  g_autofree char *end = NULL;
  g_autofree char *only = NULL;
  int width = 1200, height = 400, frames = 15, rounds = 4;
  Bench bench = { 0 };
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, "Check-ins to import (generate.py)", "FILE" },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, "The last day of the data", "DATE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "H" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames of each kind per round", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Rounds", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only frames of this kind, to profile: full, hover, …", "KIND" },
    { "server-pid", 0, 0, G_OPTION_ARG_INT, &bench.server_pid, "The X server, to count its CPU time", "PID" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RwJournal) journal = NULL;
  g_autofree char *dir = NULL;
  GArray *wall[N_KINDS], *cpu[N_KINDS];
  double wall_ms[N_KINDS], cpu_ms[N_KINDS];
  RwImportResult result;
  RwChart *chart;
  guint layouts, draws, hover_layouts, hover_draws;
  int scale;
  gboolean ok = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || csv == NULL || end == NULL ||
      frames < 1 || rounds < 1)
    {
      g_printerr ("bench-chart: give --csv FILE and --end DATE (%s)\n",
                  error != NULL ? error->message : "see --help");
      return 2;
    }

  gtk_init ();
  adw_init ();

  /* The journal, as `rewire import` makes it, read as the Trends page does. */
  dir = rw_test_make_dir ();
  journal = rw_journal_open (dir, &error);
  if (journal == NULL ||
      !rw_import_file (rw_journal_get_database (journal), csv, RW_FORMAT_CSV, &result, &error) ||
      (bench.series = rw_journal_load_series_range (journal, RW_RANGE_ALL, rw_date_from_iso (end),
                                                    &error)) == NULL)
    {
      g_printerr ("bench-chart: %s\n", error->message);
      return 1;
    }
  bench.n_days = rw_series_get_n_days (bench.series);
  bench.moods = g_new (double, bench.n_days);
  for (guint i = 0; i < bench.n_days; i++)
    bench.moods[i] = rw_series_get_value (bench.series, RW_SERIES_MOOD, i);

  bench.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (bench.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (bench.window), width, height);
  bench.stack = gtk_stack_new ();
  /* The chart in its frame, in the app's style, as the Trends page shows it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/rewire/Rewire/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  bench.view = RW_CHART_VIEW (rw_chart_view_new ());
  /* The window's height, less the frame's border. */
  rw_chart_view_set_content_height (bench.view, height - 2);
  rw_chart_view_set_series (bench.view, bench.series);
  bench.frame = framed (GTK_WIDGET (bench.view));
  bench.empty = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bench.empty), draw_nothing_cb, &bench, NULL);
  bench.polyline = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (bench.polyline), draw_polyline_cb, &bench, NULL);
  /* The baselines are measured the same way: in the same frame, there. */
  gtk_stack_add_child (GTK_STACK (bench.stack), bench.frame);
  gtk_stack_add_child (GTK_STACK (bench.stack), framed (bench.empty));
  gtk_stack_add_child (GTK_STACK (bench.stack), framed (bench.polyline));
  gtk_window_set_child (GTK_WINDOW (bench.window), bench.stack);
  gtk_window_present (GTK_WINDOW (bench.window));

  bench.xdisplay = gdk_x11_display_get_xdisplay (gtk_widget_get_display (bench.window));
  while (gtk_widget_get_frame_clock (bench.window) == NULL || !gtk_widget_get_mapped (GTK_WIDGET (bench.view)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (bench.window), "before-paint",
                    G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect_after (gtk_widget_get_frame_clock (bench.window), "after-paint",
                          G_CALLBACK (after_paint_cb), &bench);
  settle (&bench);
  scale = gtk_widget_get_scale_factor (bench.window);
  chart = rw_chart_view_get_chart (bench.view);

  for (guint k = 0; k < N_KINDS; k++)
    {
      wall[k] = g_array_new (FALSE, FALSE, sizeof (double));
      cpu[k] = g_array_new (FALSE, FALSE, sizeof (double));
    }
  hover_layouts = hover_draws = 0;
  for (int r = 0; r < rounds; r++)
    for (guint k = 0; k < N_KINDS; k++)
      {
        if (only != NULL && k != EMPTY && !g_str_has_prefix (kind_names[k], only))
          continue;
        gtk_stack_set_visible_child (GTK_STACK (bench.stack), child_for (&bench, k));
        settle (&bench);
        layouts = rw_chart_get_layout_count (chart);
        draws = rw_chart_get_draw_count (chart);
        for (int i = 0; i < frames; i++)
          {
            Sample t = frame (&bench, k, r * frames + i);

            g_array_append_val (wall[k], t.wall);
            g_array_append_val (cpu[k], t.cpu);
          }
        if (k == HOVER)
          {
            hover_layouts += rw_chart_get_layout_count (chart) - layouts;
            hover_draws += rw_chart_get_draw_count (chart) - draws;
            rw_chart_view_set_highlight (bench.view, -1);
          }
      }

  g_print ("Trends chart (RwChartView) %dx%d at scale %d, GSK_RENDERER=%s, %u days, "
           "\"All\" drawn as %s; medians of %d frames each\n",
           gtk_widget_get_width (GTK_WIDGET (bench.view)), gtk_widget_get_height (GTK_WIDGET (bench.view)),
           scale, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default",
           bench.n_days,
           rw_chart_get_step (chart) == RW_CHART_STEP_MONTH ? "monthly means"
           : rw_chart_get_step (chart) == RW_CHART_STEP_WEEK ? "weekly means" : "days",
           frames * rounds);
  g_print ("  frame times, ms:  wall clock  |  CPU (app + X server)\n");
  for (guint k = 0; k < N_KINDS; k++)
    {
      wall_ms[k] = median (wall[k]);
      cpu_ms[k] = median (cpu[k]);
      g_print ("  %-15s %10.3f  |  %8.3f\n", kind_names[k], wall_ms[k], cpu_ms[k]);
    }

  /* The targets are judged on CPU time when the X server's is known: on a
   * shared machine, waiting for the CPU is not the chart's cost. */
  for (int m = bench.server_pid > 0 ? 0 : 1; m < 2; m++)
    {
      double *cost = m == 0 ? cpu_ms : wall_ms;
      const char *what = m == 0 ? "CPU" : "wall";
      double full = cost[FULL] - cost[EMPTY];
      double fresh = cost[NEW_DATA] - cost[EMPTY];
      double line = cost[POLYLINE] - cost[EMPTY];
      double full_ratio = full / line, hover_ratio = cost[HOVER] / cost[EMPTY];

      g_print ("| scale %d, %s | full redraw %.3f ms (frame %.3f − empty %.3f) | naive polyline "
               "%.3f ms (frame %.3f − empty %.3f) | ratio %.3f (target ≤ 0.125): %s |\n",
               scale, what, full, cost[FULL], cost[EMPTY], line, cost[POLYLINE], cost[EMPTY],
               full_ratio, full_ratio <= 0.125 ? "met" : "MISSED");
      g_print ("| scale %d, %s | new data %.3f ms (frame %.3f − empty %.3f) | ratio to the "
               "polyline %.3f |\n", scale, what, fresh, cost[NEW_DATA], cost[EMPTY], fresh / line);
      g_print ("| scale %d, %s | hover frame %.3f ms | empty-draw frame %.3f ms | ratio %.3f "
               "(target ≤ 1.3): %s |\n", scale, what, cost[HOVER], cost[EMPTY], hover_ratio,
               hover_ratio <= 1.3 ? "met" : "MISSED");
    }
  g_print ("| scale %d | on hover: %u layouts computed, %u chart draws |\n", scale, hover_layouts,
           hover_draws);
  /* Hovering must not lay out or draw the chart: that is behaviour, not
   * timing, and fails the run. */
  ok = hover_layouts == 0 && hover_draws == 0;

  gtk_window_destroy (GTK_WINDOW (bench.window));
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_array_unref (wall[k]);
      g_array_unref (cpu[k]);
    }
  g_clear_pointer (&bench.series, rw_series_unref);
  g_free (bench.moods);
  g_clear_object (&journal);
  rw_test_remove_dir (dir);
  return ok ? 0 : 1;
}
