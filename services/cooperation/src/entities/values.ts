/** jsonb value shapes: the contract's (Figure, Source) come from the kit. */
export type { FigureData, SourceData } from '@nlf/kit';

export interface ActivityData {
  text: string;
  state: 'DONE' | 'ONGOING' | 'PLANNED';
}

/** One changed field of an audit event; values as JSON. */
export interface FieldChangeData {
  field: string;
  from: unknown;
  to: unknown;
}
