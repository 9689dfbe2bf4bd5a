/** Query: questions asked of a built graph from the command line. Pure. */
export {
  type Neighbor,
  type NeighborList,
  type NeighborOptions,
  neighbors,
} from "./neighbors.js";
export { type ConceptRef, type Resolution, resolveConcept } from "./resolve.js";
