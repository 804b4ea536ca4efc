/* rw-questionnaire.h
 *
 * Copyright 2026 The Rewire authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PHQ-9 and GAD-7: their published English text (data/questionnaires/,
 * never translated by us), their scoring and bands as screening scores,
 * and one assessment as the journal keeps it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RwQuestionnaireKind:
 * @RW_QUESTIONNAIRE_PHQ9: the PHQ-9 (9 items, 0–27)
 * @RW_QUESTIONNAIRE_GAD7: the GAD-7 (7 items, 0–21)
 */
typedef enum
{
  RW_QUESTIONNAIRE_PHQ9,
  RW_QUESTIONNAIRE_GAD7,
  RW_N_QUESTIONNAIRES,
} RwQuestionnaireKind;

/**
 * RwQuestionnaireBand:
 *
 * The published severity bands of a total, as screening scores.
 * GAD-7 has no moderately severe band.
 */
typedef enum
{
  RW_QUESTIONNAIRE_BAND_MINIMAL,
  RW_QUESTIONNAIRE_BAND_MILD,
  RW_QUESTIONNAIRE_BAND_MODERATE,
  RW_QUESTIONNAIRE_BAND_MODERATELY_SEVERE,
  RW_QUESTIONNAIRE_BAND_SEVERE,
} RwQuestionnaireBand;

#define RW_QUESTIONNAIRE_MAX_ITEMS 9
#define RW_QUESTIONNAIRE_N_ANSWERS 4
/* PHQ-9's item on thoughts of being better off dead or of self-harm (1-based). */
#define RW_QUESTIONNAIRE_PHQ9_ITEM9 9
/* Days after the last one that the next of the same kind is due. */
#define RW_QUESTIONNAIRE_DUE_DAYS 14

typedef struct
{
  RwQuestionnaireKind kind;
  char *title;           /* "PHQ-9" */
  char *name;            /* "Patient Health Questionnaire (PHQ-9)" */
  char *language;        /* the language of the text: "en" */
  char *instructions;
  char *answers[RW_QUESTIONNAIRE_N_ANSWERS];
  GPtrArray *items;      /* of char * */
  char *difficulty;      /* the unscored question on how difficult */
  char *difficulty_answers[RW_QUESTIONNAIRE_N_ANSWERS];
  char *attribution;
  char *citation;
} RwQuestionnaire;

RwQuestionnaire    *rw_questionnaire_load           (RwQuestionnaireKind  kind,
                                                     GError             **error);
void                rw_questionnaire_free           (RwQuestionnaire     *self);
guint               rw_questionnaire_get_n_items    (const RwQuestionnaire *self);

const char         *rw_questionnaire_kind_to_string (RwQuestionnaireKind  kind);
gboolean            rw_questionnaire_kind_from_string (const char        *id,
                                                       RwQuestionnaireKind *kind);
const char         *rw_questionnaire_kind_title     (RwQuestionnaireKind  kind);
guint               rw_questionnaire_kind_n_items   (RwQuestionnaireKind  kind);
guint               rw_questionnaire_kind_max_total (RwQuestionnaireKind  kind);

RwQuestionnaireBand rw_questionnaire_band           (RwQuestionnaireKind  kind,
                                                     guint                total);
void                rw_questionnaire_band_range     (RwQuestionnaireKind  kind,
                                                     RwQuestionnaireBand  band,
                                                     guint               *low,
                                                     guint               *high);
guint               rw_questionnaire_n_bands        (RwQuestionnaireKind  kind);
const char         *rw_questionnaire_band_label     (RwQuestionnaireBand  band);
char               *rw_questionnaire_dup_result     (RwQuestionnaireKind  kind,
                                                     guint                total);

/**
 * RwAssessment:
 * @id: its uuid, or NULL before it is saved
 * @kind: which questionnaire
 * @date: the day it was answered (rw-date.h)
 * @time: "HH:MM"
 * @answers: one 0–3 an item, in the form's order
 * @n_answers: how many, always the questionnaire's item count
 * @total: the sum of @answers
 * @difficulty: the unscored answer on difficulty (0–3), or -1
 *
 * One completed questionnaire.
 */
typedef struct
{
  char *id;
  RwQuestionnaireKind kind;
  guint32 date;
  char time[6];
  guint8 answers[RW_QUESTIONNAIRE_MAX_ITEMS];
  guint n_answers;
  guint total;
  int difficulty;
} RwAssessment;

RwAssessment       *rw_assessment_new               (RwQuestionnaireKind  kind,
                                                     const guint8        *answers,
                                                     guint                n_answers,
                                                     int                  difficulty,
                                                     GError             **error);
RwAssessment       *rw_assessment_parse             (RwQuestionnaireKind  kind,
                                                     const char          *answers,
                                                     int                  difficulty,
                                                     GError             **error);
void                rw_assessment_free              (RwAssessment        *self);
char               *rw_assessment_dup_answers_text  (const RwAssessment  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwQuestionnaire, rw_questionnaire_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RwAssessment, rw_assessment_free)

G_END_DECLS
