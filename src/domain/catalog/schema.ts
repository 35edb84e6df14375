/**
 * The service catalog's shape, as a zod schema so that the data transcribed from the seed
 * regulations is checked in the tests and when a district administrator edits it, and the
 * TypeScript types are inferred from the same source.
 *
 * Every figure in the catalog carries a `source` (seed file and line range) so that staff and
 * reviewers can go back to the regulation. Where a regulation only refers to the national
 * Standard for a list the seeds do not hold, the entry says so (`kind: 'per_standard'`) instead
 * of inventing one.
 */
import { z } from 'zod';

export const DURATION_UNITS = ['minutes', 'hours', 'working_days', 'calendar_days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const CHANNEL_KINDS = ['provider', 'pso', 'akim', 'egov'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/**
 * Who performs a step. Kept coarse on purpose: these map onto the roles of people using
 * Qabyldau (see `roles.ts`), while the exact wording of the regulation stays in `action`.
 */
export const STEP_ROLES = [
  'applicant',
  'akimat_specialist',
  'akim',
  'commission',
  'pso_operator',
  'district_executor',
  'district_head',
  'district_sector_head',
  'information_system',
  'other',
] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/**
 * What a step means for the case's lifecycle in Qabyldau. The deadline engine uses it to tie a
 * step's due date to the event that completes it (e.g. `forward` is completed by `batch.sent`).
 */
export const STEP_STAGES = [
  'intake',
  'inspection',
  'forward',
  'receive',
  'review',
  'sign',
  'return',
  'handout',
  'other',
] as const;
export type StepStage = (typeof STEP_STAGES)[number];

export const localizedSchema = z.object({ kk: z.string().min(1), ru: z.string().min(1) });
export type Localized = z.infer<typeof localizedSchema>;

export const seedRefSchema = z.object({
  /** file name under shared/seeds, e.g. `004_b44857f6cb8e5c77.txt` */
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /**
   * the regulation's paragraph (тармақ) the lines belong to, e.g. '8' or '13-1'; absent where the
   * text has no numbered paragraph, e.g. appendix tables
   */
  paragraph: z
    .string()
    .regex(/^\d+(-\d+)?(\.\d+)?$/)
    .optional(),
});
export type SeedRef = z.infer<typeof seedRefSchema>;

export const durationSchema = z.object({
  value: z.number().nonnegative(),
  unit: z.enum(DURATION_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

export const stepSchema = z.object({
  /** stable within its channel, e.g. `register`, `review`, `sign` */
  id: z.string().regex(/^[a-z0-9_]+$/),
  role: z.enum(STEP_ROLES),
  stage: z.enum(STEP_STAGES),
  action: localizedSchema,
  duration: durationSchema,
  /**
   * A limit that does not run from the end of the previous step: 004's akim forwards the file
   * within 20 calendar days *of registration*.
   */
  anchor: z.object({ from: z.enum(['registration']), limit: durationSchema }).optional(),
  /** runs at the same time as the previous step (004: commission hands over, specialist accepts) */
  isParallelWithPrevious: z.boolean().optional(),
  /** a reading of the seed that is uncertain, said in words */
  note: localizedSchema.optional(),
  source: seedRefSchema,
});
export type Step = z.infer<typeof stepSchema>;

/**
 * A way through the channel the regulation gives its own terms to: 003-02's review is the
 * decision in 18 working days, a first certificate 3 working days after that decision (21), a
 * duplicate in 3; 003-13's review is longer when documents are missing. Chosen at intake; it
 * replaces the terms of the steps it names and so drives every date of the case, the talon's
 * first. A step's other terms live here only, never on the step.
 */
export const variantSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: localizedSchema,
  /** step id → the term that step has in this variant */
  durations: z.record(z.string(), durationSchema),
  source: seedRefSchema,
});
export type Variant = z.infer<typeof variantSchema>;

export const channelSchema = z.object({
  steps: z.array(stepSchema),
  /** the regulation's variants of this channel's terms; the first step terms are the default */
  variants: z.array(variantSchema).optional(),
  total: z
    .object({
      value: z.number().nonnegative(),
      unit: z.enum(DURATION_UNITS),
      /** true: the regulation states it; false: computed here as the sum of the steps */
      isStated: z.boolean(),
      note: localizedSchema.optional(),
      source: seedRefSchema.optional(),
    })
    .optional(),
  /** whether the day of submission counts in the term; null when the regulation is silent */
  submissionDayCounts: z.boolean().nullable(),
  notes: z.array(localizedSchema).optional(),
  source: seedRefSchema,
});
export type Channel = z.infer<typeof channelSchema>;

export const documentSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: localizedSchema,
  isOptional: z.boolean().optional(),
  /** e.g. "only for adopters and guardians" */
  condition: localizedSchema.optional(),
  source: seedRefSchema,
});
export type ServiceDocument = z.infer<typeof documentSchema>;

export const checklistSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('listed'), documents: z.array(documentSchema).min(1) }),
  z.object({
    kind: z.literal('per_standard'),
    /** which Standard and paragraph the regulation refers to */
    reference: localizedSchema,
    source: seedRefSchema,
    /** filled in by a district administrator; makes a new catalog version */
    documents: z.array(documentSchema).optional(),
  }),
]);
export type Checklist = z.infer<typeof checklistSchema>;

export const feeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('free'), source: seedRefSchema }),
  z.object({ kind: z.literal('paid'), text: localizedSchema, source: seedRefSchema }),
  z.object({ kind: z.literal('not_stated') }),
]);

export const textItemSchema = z.object({ text: localizedSchema, source: seedRefSchema });
export type TextItem = z.infer<typeof textItemSchema>;

export const actSchema = z.object({
  /** `000` … `004`, the seed's prefix */
  id: z.string().regex(/^\d{3}$/),
  title: localizedSchema,
  issuer: localizedSchema,
  /** as printed, e.g. `03/09` */
  number: z.string(),
  /** ISO date */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  justiceRegistration: z
    .object({ number: z.string(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
    .optional(),
  repeal: z
    .object({
      /** as printed; when the seed contradicts itself, every reading, joined by " / " */
      number: z.string(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      note: localizedSchema.optional(),
    })
    .optional(),
  region: localizedSchema,
  seed: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  source: seedRefSchema,
  /** contradictions inside the seed, kept visible rather than silently fixed */
  inconsistencies: z.array(textItemSchema).optional(),
});
export type Act = z.infer<typeof actSchema>;

export const serviceSchema = z.object({
  /** stable: `<act>-<nn>`, e.g. `003-06` for the sixth regulation of act 003 */
  id: z.string().regex(/^\d{3}-\d{2}$/),
  actId: z.string().regex(/^\d{3}$/),
  /** the Kazakh name exactly as in the seed */
  name: localizedSchema,
  /** short English gloss for developers and the README; never shown to citizens */
  gloss: z.string(),
  isDeleted: z.boolean(),
  deletedNote: textItemSchema.optional(),
  provider: textItemSchema,
  channels: z.object({
    provider: channelSchema.optional(),
    pso: channelSchema.optional(),
    akim: channelSchema.optional(),
    egov: channelSchema.optional(),
  }),
  results: z.array(textItemSchema),
  fee: feeSchema,
  checklist: checklistSchema,
  refusalGrounds: z.union([
    z.object({ kind: z.literal('listed'), items: z.array(textItemSchema).min(1) }),
    z.object({
      kind: z.literal('per_standard'),
      reference: localizedSchema,
      source: seedRefSchema,
    }),
    z.object({ kind: z.literal('not_stated') }),
  ]),
  /** what the talon must show, per the regulation (empty when the regulation is silent) */
  talonContents: z.array(textItemSchema),
  receiptContents: z.array(textItemSchema),
  specialRules: z.array(
    z.object({
      kind: z.enum([
        'quarterly_reconfirmation',
        'commission_inspection',
        'representative_by_power_of_attorney',
        'return_incomplete_package',
        'other',
      ]),
      text: localizedSchema,
      /** e.g. 3 working days to return an incomplete package */
      duration: durationSchema.optional(),
      source: seedRefSchema,
    }),
  ),
  inconsistencies: z.array(textItemSchema).optional(),
  source: seedRefSchema,
});
export type Service = z.infer<typeof serviceSchema>;
