namespace DxGeo.Core.Spatial.Internal;

/// <summary>The k smallest (distance, item) pairs seen so far: a bounded max-heap, no allocation per offer.</summary>
internal sealed class KnnHeap<T>
{
    private readonly (double D, T Item)[] _heap;
    private int _count;

    public KnnHeap(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), "k must be at least 1");
        _heap = new (double, T)[k];
    }

    public int Count => _count;
    public bool IsFull => _count == _heap.Length;
    /// <summary>Distance of the k-th best so far (infinity until full): anything farther cannot enter.</summary>
    public double Bound => IsFull ? _heap[0].D : double.PositiveInfinity;

    public void Clear() => _count = 0;

    public void Offer(double d, T item)
    {
        if (_count < _heap.Length)
        {
            _heap[_count] = (d, item);
            SiftUp(_count++);
        }
        else if (d < _heap[0].D)
        {
            _heap[0] = (d, item);
            SiftDown(0);
        }
    }

    /// <summary>The pairs, nearest first.</summary>
    public (double D, T Item)[] ToSortedArray()
    {
        var a = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(a, (x, y) => x.D.CompareTo(y.D));
        return a;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_heap[parent].D >= _heap[i].D) break;
            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var l = 2 * i + 1;
            if (l >= _count) break;
            var big = l + 1 < _count && _heap[l + 1].D > _heap[l].D ? l + 1 : l;
            if (_heap[i].D >= _heap[big].D) break;
            (_heap[i], _heap[big]) = (_heap[big], _heap[i]);
            i = big;
        }
    }
}
