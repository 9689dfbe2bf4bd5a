import { describe, expect, it } from "vitest";
import { packedEdgeProgram, packedNodeProgram } from "../../viewer/src/packed-programs.js";

interface Item {
  id: number;
  hidden?: boolean;
}

/**
 * Sigma's program as the packed one extends it: one slot of STRIDE floats an item, every slot
 * drawn. Here an item's slot holds its id, and a draw records the ids it was given.
 */
class RecordingProgram {
  STRIDE = 2;
  VERTICES = 3;
  array = new Float32Array(0);
  capacity = 0;
  verticesCount = 0;
  drawn: number[][] = [];
  reallocate(capacity: number): void {
    this.capacity = capacity;
    this.verticesCount = capacity * this.VERTICES;
    this.array = new Float32Array(capacity * this.STRIDE);
  }
  processVisibleItem(_color: number, start: number, ...items: Item[]): void {
    const item = items.at(-1) as Item;
    this.array[start] = item.id;
    this.array[start + 1] = item.id;
  }
  render(): void {
    expect(this.verticesCount).toBe(this.capacity * this.VERTICES);
    expect(this.array.length).toBe(this.capacity * this.STRIDE);
    this.drawn.push([...this.array].filter((_, i) => i % this.STRIDE === 0));
  }
}

type Packed = RecordingProgram & { process(index: number, offset: number, ...items: Item[]): void };

const make = (edges = false): Packed => {
  const wrap = edges ? packedEdgeProgram : packedNodeProgram;
  const Program = wrap(RecordingProgram as never) as unknown as new () => Packed;
  return new Program();
};

const lastDraw = (program: Packed) => program.drawn.at(-1);

describe("packed programs", () => {
  it("draw only the shown items, in the order sigma gave them", () => {
    const program = make();
    program.reallocate(5);
    [1, 2, 3, 4, 5].forEach((id, offset) => {
      program.process(id, offset, { id, hidden: id % 2 === 0 });
    });
    program.render();
    expect(lastDraw(program)).toEqual([1, 3, 5]);
    // Its full buffer is kept for the next refresh.
    expect(program.capacity).toBe(5);
    expect(program.array.length).toBe(10);
  });

  it("give a hidden item's place to the last one and put a newly shown one last", () => {
    const program = make();
    program.reallocate(4);
    [1, 2, 3, 4].forEach((id, offset) => {
      program.process(id, offset, { id });
    });
    program.process(1, 0, { id: 1, hidden: true });
    program.render();
    expect(lastDraw(program)).toEqual([4, 2, 3]);
    program.process(1, 0, { id: 1 });
    program.process(3, 2, { id: 30 });
    program.render();
    expect(lastDraw(program)).toEqual([4, 2, 30, 1]);
  });

  it("leave out an edge whose end is hidden", () => {
    const program = make(true);
    program.reallocate(2);
    program.process(1, 0, { id: 0, hidden: true }, { id: 0 }, { id: 1 });
    program.process(2, 1, { id: 0 }, { id: 0 }, { id: 2 });
    program.render();
    expect(lastDraw(program)).toEqual([2]);
  });

  it("start again from nothing when sigma reprocesses every item", () => {
    const program = make();
    program.reallocate(2);
    program.process(1, 0, { id: 1 });
    program.process(2, 1, { id: 2 });
    program.reallocate(2);
    program.process(2, 0, { id: 2 });
    program.process(1, 1, { id: 1, hidden: true });
    program.render();
    expect(lastDraw(program)).toEqual([2]);
  });
});
