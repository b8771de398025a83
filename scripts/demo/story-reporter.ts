// What the demo prints: one line per thing that happened (numbered steps, indented details), and
// last the result as one JSON line. The test collects the same lines instead of printing them.
export interface Story {
  step(title: string): void;
  detail(text: string): void;
  result(values: Record<string, unknown>): void;
}

export function printedStory(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Story {
  let n = 0;
  return {
    step: (title) => write(`${String(++n).padStart(2, ' ')}. ${title}`),
    detail: (text) => write(`      ${text}`),
    result: (values) => write(JSON.stringify(values)),
  };
}

export function collectedStory(lines: string[] = []): Story & { lines: string[] } {
  return { lines, ...printedStory((l) => lines.push(l)) };
}
