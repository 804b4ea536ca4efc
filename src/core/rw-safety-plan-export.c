/* rw-safety-plan-export.c
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The safety plan as a page to print and keep in a wallet or on the
 * fridge: the seven sections in order, the person's items under each (two
 * lines to write on by hand under an empty one), and the crisis lines in
 * a box at the foot. It must stay one page: a plan that is longer is set
 * smaller, down to a size still readable, and only then cut, saying so.
 */
#define G_LOG_DOMAIN "rw-safety-plan"

#include "config.h"

#include <cairo-pdf.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rw-date.h"
#include "rw-safety-plan-export.h"

#define MARGIN 42.0           /* points, all round */
#define LARGEST_SIZE 11.0     /* the body's size when everything fits */
#define SMALLEST_SIZE 6.5     /* and the smallest it is set at */
#define FONT_FAMILY "Sans"

typedef struct
{
  PangoLayout *heading;
  PangoLayout *hint;
  PangoLayout *body;    /* NULL for an empty section: lines to write on */
  GStrv items;          /* what the body shows */
  double blank;         /* the height of those lines */
} Block;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
make_layout (cairo_t       *cr,
             const char    *text,
             double         size,
             PangoWeight    weight,
             PangoStyle     style,
             double         width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Plain text, never markup: the person's words are shown as typed. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
clear_blocks (Block *blocks)
{
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_clear_object (&blocks[s].heading);
      g_clear_object (&blocks[s].hint);
      g_clear_object (&blocks[s].body);
      g_clear_pointer (&blocks[s].items, g_strfreev);
    }
}

static double
block_body_height (const Block *block)
{
  return block->body != NULL ? layout_height (block->body) : block->blank;
}

/* The first @n of @items, a bullet each, and when some are left out a
 * last line that says how many. */
static char *
join_items (const char * const *items,
            guint               n)
{
  GString *text = g_string_new (NULL);
  guint total = g_strv_length ((char **) items);

  for (guint i = 0; i < n && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "•\t%s", items[i]);
    }
  if (n < total)
    {
      if (n > 0)
        g_string_append_c (text, '\n');
      /* Translators: the last line of a section cut to fit the printed page */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "… and %u more, in Rewire",
                                                "… and %u more, in Rewire", total - n),
                              total - n);
    }
  return g_string_free (text, FALSE);
}

/* Lays the sections out at @size; returns their total height. */
static double
make_blocks (RwSafetyPlan *plan,
             cairo_t      *cr,
             double        size,
             double        width,
             Block        *blocks)
{
  double total = 0;

  clear_blocks (blocks);
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      g_auto(GStrv) items = rw_safety_plan_dup_items (plan, s);
      g_autofree char *heading = NULL;
      Block *block = &blocks[s];

      /* Translators: a section of the printed safety plan, "1. Warning signs" */
      heading = g_strdup_printf (_("%u. %s"), s + 1, rw_safety_plan_section_get_heading (s));
      block->heading = make_layout (cr, heading, size * 1.1, PANGO_WEIGHT_BOLD,
                                    PANGO_STYLE_NORMAL, width);
      block->hint = make_layout (cr, rw_safety_plan_section_get_hint (s), size * 0.85,
                                 PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, width);
      if (items[0] != NULL)
        {
          g_autofree char *text = join_items ((const char * const *) items, G_MAXUINT);
          double indent = size * 1.1;

          block->body = make_layout (cr, text, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                                     width);
          {
            PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                                      (int) indent);

            pango_layout_set_tabs (block->body, tabs);
            pango_tab_array_free (tabs);
          }
          /* Wrapped lines of an item start under its text, not its bullet. */
          pango_layout_set_indent (block->body, (int) (-indent * PANGO_SCALE));
          block->items = g_steal_pointer (&items);
        }
      else
        block->blank = size * 3.2;
      total += layout_height (block->heading) + layout_height (block->hint) + size * 0.2
               + block_body_height (block) + size * 0.8;
    }
  return total;
}

/* At the smallest size and still too tall: each body gets a share of the
 * room (the short ones all they need), and the rest of it is cut. */
static void
cut_blocks (Block  *blocks,
            double  room)
{
  double fixed = 0, share;
  gboolean placed[RW_SAFETY_PLAN_N_SECTIONS] = { FALSE };
  guint left = RW_SAFETY_PLAN_N_SECTIONS;
  gboolean changed = TRUE;

  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    fixed += layout_height (blocks[s].heading) + layout_height (blocks[s].hint)
             + SMALLEST_SIZE * 1.0;
  room = MAX (0, room - fixed);

  while (changed && left > 0)
    {
      changed = FALSE;
      share = room / left;
      for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
        if (!placed[s] && block_body_height (&blocks[s]) <= share)
          {
            placed[s] = TRUE;
            room -= block_body_height (&blocks[s]);
            left--;
            changed = TRUE;
          }
    }
  share = left > 0 ? room / left : 0;
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    if (!placed[s] && blocks[s].body != NULL)
      {
        const char * const *items = (const char * const *) blocks[s].items;
        guint lo = 0, hi = g_strv_length (blocks[s].items);

        /* The most items that fit with the line that says how many are left. */
        while (lo < hi)
          {
            guint mid = (lo + hi + 1) / 2;
            g_autofree char *text = join_items (items, mid);

            pango_layout_set_text (blocks[s].body, text, -1);
            if (layout_height (blocks[s].body) <= share)
              lo = mid;
            else
              hi = mid - 1;
          }
        {
          g_autofree char *text = join_items (items, lo);

          pango_layout_set_text (blocks[s].body, text, -1);
        }
        /* One very long item alone: its end is cut. */
        if (layout_height (blocks[s].body) > share)
          {
            pango_layout_set_ellipsize (blocks[s].body, PANGO_ELLIPSIZE_END);
            pango_layout_set_height (blocks[s].body,
                                     (int) (MAX (share, SMALLEST_SIZE * 1.3) * PANGO_SCALE));
          }
      }
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double      *y,
             double       grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_move_to (cr, x, *y);
  pango_cairo_show_layout (cr, layout);
  *y += layout_height (layout);
}

static void
draw_page (RwSafetyPlan       *plan,
           cairo_t            *cr,
           double              page_w,
           double              page_h,
           const char * const *help_lines,
           gboolean           *complete)
{
  double width = page_w - 2 * MARGIN;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) help = NULL;
  g_autoptr(PangoLayout) source = NULL;
  g_autoptr(PangoLayout) cut_note = NULL;
  g_autoptr(GString) help_text = g_string_new (NULL);
  g_autofree char *today = rw_date_format (rw_date_today (), "%-d %B %Y");
  g_autofree char *made = NULL;
  Block blocks[RW_SAFETY_PLAN_N_SECTIONS] = { { NULL } };
  double size, room, y, box_h, total = 0;
  gboolean fits = FALSE;

  title = make_layout (cr, _("My Safety Plan"), 20, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
  /* Translators: under the title of the printed safety plan; the date it was printed */
  made = g_strdup_printf (_("In my own words. Printed from Rewire on %s."), today);
  subtitle = make_layout (cr, made, 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, width);

  g_string_append (help_text, _("If you are in danger or cannot keep yourself safe, get help now:"));
  for (guint i = 0; help_lines != NULL && help_lines[i] != NULL; i++)
    {
      g_string_append_c (help_text, '\n');
      g_string_append (help_text, help_lines[i]);
    }
  help = make_layout (cr, help_text->str, 10, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width - 16);
  source = make_layout (cr, rw_safety_plan_get_source (), 6.5, PANGO_WEIGHT_NORMAL,
                        PANGO_STYLE_NORMAL, width);
  box_h = layout_height (help) + 14;

  room = page_h - 2 * MARGIN - layout_height (title) - layout_height (subtitle) - 10
         - box_h - 6 - layout_height (source) - 8;
  for (size = LARGEST_SIZE; size >= SMALLEST_SIZE - 0.01; size -= 0.5)
    {
      total = make_blocks (plan, cr, size, width, blocks);
      if (total <= room)
        {
          fits = TRUE;
          break;
        }
    }
  if (!fits)
    {
      cut_note = make_layout (cr, _("Not all of the plan fits on one page; the whole of it is in "
                                    "Rewire."), 8, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, width);
      room -= layout_height (cut_note);
      size = SMALLEST_SIZE;
      make_blocks (plan, cr, size, width, blocks);
      cut_blocks (blocks, room);
    }

  y = MARGIN;
  show_layout (cr, title, MARGIN, &y, 0);
  show_layout (cr, subtitle, MARGIN, &y, 0.25);
  if (cut_note != NULL)
    show_layout (cr, cut_note, MARGIN, &y, 0);
  y += 10;
  for (guint s = 0; s < RW_SAFETY_PLAN_N_SECTIONS; s++)
    {
      Block *block = &blocks[s];

      show_layout (cr, block->heading, MARGIN, &y, 0);
      show_layout (cr, block->hint, MARGIN, &y, 0.3);
      y += size * 0.2;
      if (block->body != NULL)
        show_layout (cr, block->body, MARGIN, &y, 0);
      else
        {
          /* Two lines to write on. */
          cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
          cairo_set_line_width (cr, 0.5);
          for (guint l = 1; l <= 2; l++)
            {
              cairo_move_to (cr, MARGIN, y + block->blank * l / 2 - 0.5);
              cairo_line_to (cr, MARGIN + width, y + block->blank * l / 2 - 0.5);
            }
          cairo_stroke (cr);
          y += block->blank;
        }
      y += size * 0.8;
    }

  /* The crisis lines, in a box at the foot, above where the sections came from. */
  y = page_h - MARGIN - layout_height (source) - 6 - box_h;
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, MARGIN, y, width, box_h);
  cairo_stroke (cr);
  y += 7;
  show_layout (cr, help, MARGIN + 8, &y, 0);
  y = page_h - MARGIN - layout_height (source);
  show_layout (cr, source, MARGIN, &y, 0.25);

  clear_blocks (blocks);
  if (complete != NULL)
    *complete = fits;
}

/**
 * rw_safety_plan_export_pdf:
 * @plan: the plan
 * @path: the file to write
 * @paper: A4 or Letter, portrait
 * @help_lines: (nullable) (array zero-terminated=1): the crisis lines to
 *   print at the foot
 * @complete: (out) (optional): whether all of the plan is on the page
 * @error: return location for a #GError
 *
 * Returns: whether the file was written
 */
gboolean
rw_safety_plan_export_pdf (RwSafetyPlan        *plan,
                           const char          *path,
                           RwPaper              paper,
                           const char * const  *help_lines,
                           gboolean            *complete,
                           GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double page_w = paper == RW_PAPER_LETTER ? 612 : 595.28;
  double page_h = paper == RW_PAPER_LETTER ? 792 : 841.89;

  g_return_val_if_fail (RW_IS_SAFETY_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, page_w, page_h);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("My Safety Plan"));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_page (plan, cr, page_w, page_h, help_lines, complete);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the safety plan: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  file = g_file_new_for_path (path);
  if (!g_file_replace_contents (file, (const char *) bytes->data, bytes->len, NULL, FALSE,
                                G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &local))
    {
      g_set_error (error, local->domain, local->code,
                   _("Could not write the safety plan: %s. Choose a folder you can write to, "
                     "with free space."), local->message);
      return FALSE;
    }
  return TRUE;
}
