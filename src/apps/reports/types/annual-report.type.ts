import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar, UsccScalar } from '../../../shared/scalars';

@ObjectType({ description: 'One line of a figure: a label, its count, and the subjects behind it.' })
export class AnnualFigureRow {
  @Field(() => String, { description: 'What is counted, e.g. "320706/RED", "BLUE→RED", "FINE", "H2/0.60".' })
  label: string;

  @Field(() => Int)
  count: number;

  @Field(() => [UsccScalar], {
    description: 'The subjects behind the count, by code: as many as the count for a count of subjects, the distinct subjects of a count of occurrences; empty only for the number of inspection draws.',
  })
  subjects: string[];
}

@ObjectType({ description: 'One headline figure of the yearly summary (a table of rows).' })
export class AnnualFigure {
  @Field(() => String, { description: 'Stable key: subjectsRated, colorsAtStartByDistrict, colorsAtEndByDistrict, colorsAtStartByIndustry, colorsAtEndByIndustry, movements, eventsByType, objections, repairs, inspections, measureFeedback, surcharges, frontRunners, timeliness.' })
  key: string;

  @Field(() => String, { description: 'Chinese title as printed.' })
  title: string;

  @Field(() => [AnnualFigureRow])
  rows: AnnualFigureRow[];
}

@ObjectType({ description: 'Timely collection in one district: the decisions of the year, how many were entered later than 5 working days after their decision day, and the median delay.' })
export class DistrictTimeliness {
  @Field(() => String)
  districtCode: string;

  @Field(() => Int, { description: 'Decisions of the year (not voided) of subjects of the district.' })
  entered: number;

  @Field(() => Int, { description: 'Of them, entered late (recordedLate).' })
  late: number;

  @Field(() => Float, { description: 'late / entered.' })
  lateShare: number;

  @Field(() => Float, { description: 'Median of the working days from decision day to entry.' })
  medianDelayWorkingDays: number;
}

@ObjectType({ description: "The bureau's yearly summary of credit supervision (总结报告), built from the hub's API answers for every subject rated in the year." })
export class AnnualSupervisionReport {
  @Field(() => Int)
  year: number;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar, { description: '31 December, or today for the running year.' })
  to: string;

  @Field(() => Int, { description: 'Subjects rated on some day of the year.' })
  subjectsRated: number;

  @Field(() => [AnnualFigure])
  figures: AnnualFigure[];

  @Field(() => [DistrictTimeliness], { description: 'Timely collection per district (DOMAIN.md: 5 working days, Jiangsu).' })
  timeliness: DistrictTimeliness[];

  @Field(() => String, { description: 'Path of the PDF (GET, authenticated as the same roles).' })
  pdfPath: string;

  @Field(() => String, { description: 'Path of the CSV for the social-credit department (GET, authenticated).' })
  csvPath: string;
}
