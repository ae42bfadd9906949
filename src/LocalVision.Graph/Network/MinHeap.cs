namespace LocalVision.Graph.Network;

/// <summary>
/// A binary min-heap of (cost, node) with lazy deletion: a node may be pushed again with a lower cost and the
/// stale entry is skipped when popped. Ties pop the lower node index first, which keeps every search deterministic.
/// </summary>
internal sealed class MinHeap(int capacity = 16)
{
    private double[] _keys = new double[Math.Max(capacity, 4)];
    private int[] _values = new int[Math.Max(capacity, 4)];
    private int _count;

    public int Count => _count;

    public void Clear() => _count = 0;

    public void Push(double key, int value)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _values, _count * 2);
        }
        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(key, value, _keys[parent], _values[parent]))
            {
                break;
            }
            _keys[i] = _keys[parent];
            _values[i] = _values[parent];
            i = parent;
        }
        _keys[i] = key;
        _values[i] = value;
    }

    public (double Key, int Value) Pop()
    {
        var top = (_keys[0], _values[0]);
        var last = --_count;
        if (last > 0)
        {
            var key = _keys[last];
            var value = _values[last];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= last)
                {
                    break;
                }
                if (child + 1 < last && Less(_keys[child + 1], _values[child + 1], _keys[child], _values[child]))
                {
                    child++;
                }
                if (!Less(_keys[child], _values[child], key, value))
                {
                    break;
                }
                _keys[i] = _keys[child];
                _values[i] = _values[child];
                i = child;
            }
            _keys[i] = key;
            _values[i] = value;
        }
        return top;
    }

    private static bool Less(double a, int av, double b, int bv) => a < b || (a == b && av < bv);
}
