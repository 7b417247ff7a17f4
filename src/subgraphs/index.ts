import type { SubgraphModule } from '../shared/subgraph';
import { creditSubgraph } from './credit';
import { environmentSubgraph } from './environment';
import { financeSubgraph } from './finance';
import { marketSubgraph } from './market';

/** Every department's subgraph, in the order the supergraph lists them. */
export const SUBGRAPHS: SubgraphModule[] = [environmentSubgraph, marketSubgraph, creditSubgraph, financeSubgraph];
