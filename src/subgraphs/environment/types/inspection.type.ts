import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CreditColor } from '../../../shared/credit-color';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@InputType()
export class DrawInspectionsInput {
  @Field(() => String, { nullable: true, description: 'District of the population; an ENV_OFFICER draws in its own district only.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754 industry code of the population.' })
  industryCode?: string | null;

  @Field(() => [CreditColor], { nullable: true, description: 'Colours of the population (default all).' })
  colors?: CreditColor[] | null;

  @Field(() => Int, { nullable: true, description: 'How many to select, allocated to colours by size × weight. Give this or rate.' })
  sampleSize?: number | null;

  @Field(() => Float, { nullable: true, description: 'Base rate (0–1, up to 4 decimals) multiplied per colour by its weight. Give this or sampleSize.' })
  rate?: number | null;

  @Field(() => String, { nullable: true, description: 'Seed of the random selection (default a random one); stored for replay.' })
  seed?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day whose colours define the population (default today).' })
  asOf?: string | null;
}

@ObjectType({ description: 'A law-enforcement inspector of the bureau’s pool (执法检查人员名录库).' })
export class Inspector {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'The district whose subjects the inspector inspects.' })
  districtCode: string;
}

@ObjectType()
export class DrawnSubject {
  @Field(() => UsccScalar)
  uscc: string;

  @Field(() => CreditColor)
  color: string;

  @Field(() => Boolean, {
    description: 'On a punishment list on the draw’s day while GREEN: the fewer-inspections reward is suspended (DOMAIN.md §10), so it was drawn in its colour’s suspended stratum.',
  })
  rewardsSuspended: boolean;

  @Field(() => [Inspector], {
    description:
      'The two inspectors drawn for this subject (the second random): from its district’s pool, never one in conflict with it, least-assigned first with seeded ties. Empty when its district had no pool at the draw (and for draws made before inspectors).',
  })
  inspectors: Inspector[];
}

@ObjectType({
  description:
    'One stratum of a draw: a colour, and apart from it the colour’s subjects whose fewer-inspections reward is suspended (GREEN on a punishment list); its population, weight and how many were selected.',
})
export class InspectionStratum {
  @Field(() => CreditColor)
  color: string;

  @Field(() => Boolean, {
    description: 'True for the GREEN subjects on a punishment list (DOMAIN.md §10): drawn at no less than the base rate (weight at least 1), not at GREEN’s reduced weight.',
  })
  rewardsSuspended: boolean;

  @Field(() => Int)
  population: number;

  @Field(() => Float, { description: 'Multiple of the base rate in force on the draw’s date.' })
  weight: number;

  @Field(() => Float, { description: 'The exact quota (population × rate × weight, or the weighted share of a sample size); the number selected is this rounded up or down at random from the seed, never systematically down.' })
  expected: number;

  @Field(() => Int)
  selected: number;

  @Field(() => Float, { description: 'selected / population: the rate this stratum was actually drawn at.' })
  realisedRate: number;
}

@ObjectType({ description: 'A random-inspection draw (双随机), stored for audit with its seed and population snapshot.' })
export class InspectionDraw {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'ISO timestamp.' })
  drawnAt: string;

  @Field(() => String)
  drawnBy: string;

  @Field(() => DateScalar)
  asOf: string;

  @Field(() => String, { nullable: true })
  districtCode: string | null;

  @Field(() => String, { nullable: true })
  industryCode: string | null;

  @Field(() => [CreditColor])
  colors: string[];

  @Field(() => Int, { nullable: true })
  sampleSize: number | null;

  @Field(() => Float, { nullable: true })
  rate: number | null;

  @Field(() => String)
  seed: string;

  @Field(() => String)
  algorithm: string;

  @Field(() => Int)
  populationSize: number;

  @Field(() => [InspectionStratum])
  strata: InspectionStratum[];

  @Field(() => [DrawnSubject], { description: 'In draw order within each stratum, worst colour first (a colour’s suspended stratum before its own).' })
  selected: DrawnSubject[];

  @Field(() => String, { nullable: true, description: 'The inspector-assignment algorithm (null for draws made before inspectors).' })
  inspectorAlgorithm: string | null;

  @Field(() => Boolean, { description: 'Replaying the stored seed over the stored population selects exactly the stored subjects, and over the stored inspector pool assigns exactly the stored inspectors.' })
  reproducible: boolean;
}
