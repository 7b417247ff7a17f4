import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * Relay's PageInfo, forward paging only (`first`/`after`). Shareable: every department that serves a
 * connection defines the same type, and the gateway may take it from any of them.
 */
@ObjectType({ description: 'Where a page of a connection ends and whether another follows.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'True when a page after this one exists: ask again with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "The last edge's cursor (null on an empty page)." })
  endCursor: string | null;
}
