// Turns: the widgets of a page share their downloads and their read of a dataset, so they all
// become ready in the same task, and fifty of them drawing one after the other would hold the
// page for half a second. Their drawings wait in one queue instead, run in order while the task
// has worked less than TURN_MS, the rest in a later task, so that a tap or a key in between is
// answered. A lone widget draws at once, in the task that read its data.

/** How long the drawings of several widgets may hold one task, in ms: under the 50 ms after
 * which the browser calls a task long. */
const TURN_MS = 40;

/** The work waiting for its turn, in order. */
const queue = [];
let draining = false;

/** Runs `work` in its turn; resolves with what it returns, rejects with what it throws. */
export function inTurn(work) {
  return new Promise((resolve, reject) => {
    queue.push(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
    if (!draining) {
      draining = true;
      queueMicrotask(drain);
    }
  });
}

/** Runs the queue until it is empty, or until this task has worked TURN_MS (then goes on in a
 * task of its own: a timer's callback is one). */
function drain() {
  const started = performance.now();
  while (queue.length > 0) {
    if (performance.now() - started >= TURN_MS) {
      setTimeout(drain, 0);
      return;
    }
    queue.shift()();
  }
  draining = false;
}
