import { Directive, Field, ObjectType } from 'type-graphql';

/** Relay-style page information (CONTRACT.md `PageInfo`); shareable, so every subgraph's connections may use it. */
@ObjectType({ description: 'Where a page ends: pass endCursor as `after` for the next page.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}
