/**
 * The PNG download: the map as it is seen, at twice the screen's resolution, with the threads'
 * region labels and a legend of types and threads beside it, so the picture stands on its own in
 * a paper or a slide.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import type { NodeType, Thread } from "../../src/types.js";
import { download } from "./dom.js";
import { TYPE_STYLE } from "./reducers.js";

const SCALE = 2;
const LEGEND_WIDTH = 300;
const FONT = "system-ui, sans-serif";
const TYPES: NodeType[] = ["method", "dataset", "task", "invariance", "paper"];

/** The region labels on screen, where they stand in the map's frame. */
function regionLabels(map: HTMLElement) {
  const frame = map.getBoundingClientRect();
  return Array.from(map.parentElement?.querySelectorAll<HTMLElement>(".region-label") ?? [])
    .filter((label) => !label.hidden)
    .map((label) => {
      const box = label.getBoundingClientRect();
      return {
        text: label.textContent ?? "",
        color: getComputedStyle(label).color,
        size: Number.parseFloat(getComputedStyle(label).fontSize),
        x: box.left - frame.left + box.width / 2,
        y: box.top - frame.top + box.height / 2,
      };
    });
}

function drawLegend(
  context: CanvasRenderingContext2D,
  left: number,
  height: number,
  threads: readonly Thread[],
): void {
  context.fillStyle = "#ffffff";
  context.fillRect(left, 0, LEGEND_WIDTH * SCALE, height);
  let y = 28 * SCALE;
  const room = (LEGEND_WIDTH - 44) * SCALE;
  const line = (text: string, size: number, weight = "400") => {
    context.font = `${weight} ${size * SCALE}px ${FONT}`;
    context.fillStyle = "#1d1d1f";
    // Cut with an ellipsis where it would not fit, rather than squeezed.
    let shown = text;
    while (shown.length > 4 && context.measureText(shown).width > room)
      shown = `${shown.slice(0, -2).trimEnd()}…`;
    context.fillText(shown, left + 36 * SCALE, y);
  };
  context.textBaseline = "middle";
  line("Types", 14, "700");
  for (const type of TYPES) {
    y += 22 * SCALE;
    const style = TYPE_STYLE[type];
    context.strokeStyle = style.ring === "#ffffff" ? "#9a9aa0" : style.ring;
    context.lineWidth = 2.5 * SCALE;
    context.beginPath();
    if (style.shape === "square")
      context.rect(left + 14 * SCALE, y - 6 * SCALE, 12 * SCALE, 12 * SCALE);
    else context.arc(left + 20 * SCALE, y, 6 * SCALE, 0, 2 * Math.PI);
    context.stroke();
    line(style.label, 13);
  }
  y += 34 * SCALE;
  line("Research threads", 14, "700");
  for (const thread of threads.slice(0, Math.floor((height / SCALE - y / SCALE - 20) / 20))) {
    y += 20 * SCALE;
    context.fillStyle = thread.color;
    context.fillRect(left + 14 * SCALE, y - 6 * SCALE, 12 * SCALE, 12 * SCALE);
    line(`${thread.label} (${thread.paperCount})`, 12);
  }
}

/** Downloads the map as a PNG at twice the screen's resolution, with its labels and a legend. */
export async function downloadMapPNG(
  renderer: Sigma,
  threads: readonly Thread[],
  fileName = "papergraph.png",
): Promise<void> {
  const map = renderer.getContainer();
  const { width, height } = map.getBoundingClientRect();
  const drawn = await drawOnCanvas(renderer, {
    width: width * SCALE,
    height: height * SCALE,
    backgroundColor: "#ffffff",
    cameraState: renderer.getCamera().getState(),
    sigmaSettings: {
      labelSize: 14 * SCALE,
      zoomToSizeRatioFunction: (ratio: number) => Math.sqrt(ratio) / SCALE,
    },
  });
  const canvas = document.createElement("canvas");
  canvas.width = drawn.width + LEGEND_WIDTH * SCALE;
  canvas.height = drawn.height;
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  context.drawImage(drawn, 0, 0);
  context.textAlign = "center";
  context.textBaseline = "middle";
  for (const label of regionLabels(map)) {
    context.font = `700 ${label.size * SCALE}px ${FONT}`;
    context.lineWidth = 4 * SCALE;
    context.strokeStyle = "#ffffff";
    context.strokeText(label.text, label.x * SCALE, label.y * SCALE);
    context.fillStyle = label.color;
    context.fillText(label.text, label.x * SCALE, label.y * SCALE);
  }
  context.textAlign = "left";
  drawLegend(context, drawn.width, canvas.height, threads);
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
  if (!blob) throw new Error("the browser could not encode the PNG");
  download(fileName, blob);
}
