namespace SesAnalytics.Engine.Query;

/// <summary>The rows of the partition being read, in arrival order until they are taken in the query's order.</summary>
internal sealed class PartitionRows<T>
{
    /// <summary>Moves an insertion sort may make, on average a row, before the rows go to a full sort.</summary>
    private const int MovesPerRow = 8;

    private readonly List<T> _values = [];

    // An array, not a List of a struct: generic code over a struct of ours is compiled on the spot, at a session's first query.
    private SqlSortKey[] _keys = new SqlSortKey[64];

    public void Add(StreamedRow<T> row)
    {
        if (_values.Count == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[_values.Count] = row.Key;
        _values.Add(row.Value);
    }

    /// <summary>
    /// The rows by their keys, equal keys in arrival order; afterwards the lists are empty. An object's lines mostly
    /// arrive in time order already: an insertion sort, stable and linear on sorted rows, takes them as they come,
    /// and only rows far from their place (more moves than <see cref="MovesPerRow"/> a row) go to a full sort.
    /// </summary>
    public T[] TakeInOrder()
    {
        var order = new int[_values.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (!InsertionSorted(order))
        {
            Array.Sort(order, Compare);
        }

        var values = new T[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            values[i] = _values[order[i]];
        }

        _values.Clear();
        Array.Clear(_keys, 0, order.Length);
        return values;
    }

    /// <summary>Sorts <paramref name="order"/> by insertion; false, the rows still all there but unsorted, after too many moves.</summary>
    private bool InsertionSorted(int[] order)
    {
        long budget = (long)order.Length * MovesPerRow;
        for (int i = 1; i < order.Length; i++)
        {
            int row = order[i];
            int j = i - 1;
            while (j >= 0 && Compare(order[j], row) > 0)
            {
                if (--budget < 0)
                {
                    // Still a permutation of the rows for the full sort: the row being moved goes where the gap is.
                    order[j + 1] = row;
                    return false;
                }

                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = row;
        }

        return true;
    }

    /// <summary>By key, then by arrival: a total order, so the full sort's result is the stable one too.</summary>
    private int Compare(int left, int right) =>
        _keys[left].CompareTo(_keys[right]) is var order and not 0 ? order : left.CompareTo(right);
}
