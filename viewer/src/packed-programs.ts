import type { EdgeProgramType, NodeProgramType } from "sigma/rendering";
import type { RenderParams } from "sigma/types";
import { indexToColor } from "sigma/utils";

/** What a packed program reads of the sigma program it extends (its buffer and how it fills it). */
interface SigmaProgram {
  array: Float32Array;
  capacity: number;
  verticesCount: number;
  STRIDE: number;
  VERTICES: number;
  reallocate(capacity: number): void;
  render(params: RenderParams): void;
  processVisibleItem(color: number, start: number, ...items: { hidden?: boolean }[]): void;
}

// biome-ignore lint/suspicious/noExplicitAny: TypeScript's mixins take a constructor of any[] only
type ProgramClass = new (...args: any[]) => SigmaProgram;

/**
 * A sigma program that draws only what is shown. Sigma gives every node (or edge) a slot in its
 * program's buffer and draws every slot each frame, a hidden one zeroed rather than skipped; with
 * software WebGL each slot costs microseconds however small, so a map of 74,722 papers (117,652
 * nodes and 447,212 edges held, 2,865 nodes shown at first) took 4 to 6 s a frame. Here the shown
 * items are packed at the front of the buffer, in the order sigma gives them (its z-order), and
 * only they are uploaded and drawn. An item hidden later gives its place to the last one; one
 * shown later (a hovered neighbourhood) takes the next.
 */
function packed<T extends ProgramClass>(Base: T): T {
  return class Packed extends Base {
    /** Each of sigma's offsets' place in the packed buffer, or −1 where it is hidden. */
    slotOf = new Int32Array(0);
    /** Each place's offset. */
    offsetAt = new Int32Array(0);
    shown = 0;

    override reallocate(capacity: number): void {
      super.reallocate(capacity);
      this.slotOf = new Int32Array(capacity).fill(-1);
      this.offsetAt = new Int32Array(capacity);
      this.shown = 0;
    }

    /** Sigma's `process(index, offset, data)` for nodes, `(index, offset, source, target, data)` for edges. */
    process(index: number, offset: number, ...items: { hidden?: boolean }[]): void {
      const slot = this.slotOf[offset] as number;
      if (items.some((item) => item.hidden)) {
        if (slot >= 0) this.free(offset, slot);
        return;
      }
      let at = slot;
      if (at < 0) {
        at = this.shown++;
        this.slotOf[offset] = at;
        this.offsetAt[at] = offset;
      }
      this.processVisibleItem(indexToColor(index), at * this.STRIDE, ...items);
    }

    private free(offset: number, slot: number): void {
      const last = --this.shown;
      if (slot !== last) {
        const stride = this.STRIDE;
        this.array.copyWithin(slot * stride, last * stride, (last + 1) * stride);
        const moved = this.offsetAt[last] as number;
        this.slotOf[moved] = slot;
        this.offsetAt[slot] = moved;
      }
      this.slotOf[offset] = -1;
    }

    override render(params: RenderParams): void {
      const { array, capacity, verticesCount } = this;
      this.array = array.subarray(0, this.shown * this.STRIDE);
      this.capacity = this.shown;
      this.verticesCount = this.shown * this.VERTICES;
      try {
        super.render(params);
      } finally {
        this.array = array;
        this.capacity = capacity;
        this.verticesCount = verticesCount;
      }
    }
  };
}

/** A node program that draws only the nodes shown. */
export const packedNodeProgram = (Base: NodeProgramType): NodeProgramType =>
  packed(Base as unknown as ProgramClass) as unknown as NodeProgramType;

/** An edge program that draws only the edges shown (both ends shown, the edge not hidden). */
export const packedEdgeProgram = (Base: EdgeProgramType): EdgeProgramType =>
  packed(Base as unknown as ProgramClass) as unknown as EdgeProgramType;
