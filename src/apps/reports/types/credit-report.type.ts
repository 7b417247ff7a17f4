import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@ObjectType({ description: 'An issued credit report (信用报告): its number, validity, verification code and links to its printable forms.' })
export class CreditReport {
  @Field(() => String, { description: 'The report number, e.g. XYBG-2026-7KQ2M9XPH4R (random, with an ISO 7064 MOD 37,36 check character); checked at /verify/<number>.' })
  number: string;

  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => DateScalar, { description: 'The day whose facts the report states.' })
  asOf: string;

  @Field(() => String, { description: 'What it was issued for (PROCUREMENT, BIDDING, …).' })
  purpose: string;

  @Field(() => DateTimeResolver)
  issuedAt: Date;

  @Field(() => DateScalar, { description: 'The last day the report is valid.' })
  validUntil: string;

  @Field(() => String, { description: 'Printed on the report; the receiving office gives it to /verify/<number>?code=….' })
  verificationCode: string;

  @Field(() => String, { description: 'A short-lived signed link to the PDF (GET, no credential).' })
  pdfUrl: string;

  @Field(() => String, { description: 'A short-lived signed link to the HTML page (GET, no credential).' })
  htmlUrl: string;
}
