import { CreateEnvironment1732400000000 } from './1732400000000-CreateEnvironment';
import { EnvironmentEngine1732500000000 } from './1732500000000-EnvironmentEngine';
import { EnvironmentRulesVersion1764100000000 } from './1764100000000-EnvironmentRulesVersion';
import { DistrictFollowsRegistration1765000000000 } from './1765000000000-DistrictFollowsRegistration';
import { EnvironmentAuditOutbox1766100000000 } from './1766100000000-EnvironmentAuditOutbox';
import { EnvironmentChangeOutbox1796121189915 } from './1796121189915-EnvironmentChangeOutbox';
import { CurrentColorSince1796121600000 } from './1796121600000-CurrentColorSince';
import { KnownOn1796122000000 } from './1796122000000-KnownOn';
import { SnapshotCorrections1796122200000 } from './1796122200000-SnapshotCorrections';
import { EnrolmentKnownOn1796122600000 } from './1796122600000-EnrolmentKnownOn';
import { ColorPeriods1796123000000 } from './1796123000000-ColorPeriods';
import { EnvironmentRulesNotify1796123100000 } from './1796123100000-EnvironmentRulesNotify';
import { DistrictByDay1797200000010 } from './1797200000010-DistrictByDay';
import { PublicityBySeverity1797300000010 } from './1797300000010-PublicityBySeverity';
import { ColorChangeEffectiveOn1797500000011 } from './1797500000011-ColorChangeEffectiveOn';
import { InheritedEvents1797920000011 } from './1797920000011-InheritedEvents';
import { PenaltyResponsiblePersons1797930000001 } from './1797930000001-PenaltyResponsiblePersons';
import { InspectorPool1797910000001 } from './1797910000001-InspectorPool';

/** The ecology & environment bureau's migrations, oldest first. */
export const environmentMigrations = [
  CreateEnvironment1732400000000,
  EnvironmentEngine1732500000000,
  EnvironmentRulesVersion1764100000000,
  DistrictFollowsRegistration1765000000000,
  EnvironmentAuditOutbox1766100000000,
  EnvironmentChangeOutbox1796121189915,
  CurrentColorSince1796121600000,
  KnownOn1796122000000,
  SnapshotCorrections1796122200000,
  EnrolmentKnownOn1796122600000,
  ColorPeriods1796123000000,
  EnvironmentRulesNotify1796123100000,
  DistrictByDay1797200000010,
  PublicityBySeverity1797300000010,
  ColorChangeEffectiveOn1797500000011,
  InheritedEvents1797920000011,
  PenaltyResponsiblePersons1797930000001,
  InspectorPool1797910000001,
];
