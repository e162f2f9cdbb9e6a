namespace SampleCompany.SampleData;

/// <summary>The rows generated for one table of the sample database, in the column order of the COPY.</summary>
internal sealed class SampleTable
{
    private readonly List<object?[]> _rows = [];

    public SampleTable(string name, params string[] columns)
    {
        Name = name;
        Columns = columns;
    }

    /// <summary>The table's name, as <c>sample_database.sql</c> creates it.</summary>
    public string Name { get; }

    /// <summary>The columns each row fills, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows: int, string, decimal, DateOnly, bool or null values.</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    public void Add(params object?[] values)
    {
        if (values.Length != Columns.Count)
        {
            throw new ArgumentException($"{Name} has {Columns.Count} columns, but the row has {values.Length} values.", nameof(values));
        }

        _rows.Add(values);
    }
}
