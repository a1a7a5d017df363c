package dev.cofferdam.engine.blast;

import java.util.Arrays;

/**
 * A binary max-heap of node ids keyed by an external score array, with increase-key. One per
 * query; not thread-safe.
 */
final class MaxHeap {
    private final double[] key;
    private final int[] heap;
    private final int[] pos;
    private int size;

    MaxHeap(double[] key) {
        this.key = key;
        this.heap = new int[key.length];
        this.pos = new int[key.length];
        Arrays.fill(pos, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds {@code node}, or moves it up after its key grew. */
    void offer(int node) {
        int i = pos[node];
        if (i < 0) {
            i = size++;
            heap[i] = node;
            pos[node] = i;
        }
        up(i);
    }

    int poll() {
        int top = heap[0];
        pos[top] = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            pos[heap[0]] = 0;
            down(0);
        }
        return top;
    }

    private void up(int i) {
        int node = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (key[heap[parent]] >= key[node]) {
                break;
            }
            heap[i] = heap[parent];
            pos[heap[i]] = i;
            i = parent;
        }
        heap[i] = node;
        pos[node] = i;
    }

    private void down(int i) {
        int node = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && key[heap[child + 1]] > key[heap[child]]) {
                child++;
            }
            if (key[heap[child]] <= key[node]) {
                break;
            }
            heap[i] = heap[child];
            pos[heap[i]] = i;
            i = child;
        }
        heap[i] = node;
        pos[node] = i;
    }
}
