using YamlDotNet.RepresentationModel;

namespace IAToolkit.Cli.Tests.SampleData;

/// <summary>The schema/*.yaml files tell the assistant about every table and column that populate-sample-db creates.</summary>
public sealed class SampleSchemaFilesTests
{
    private static readonly string s_schemaFolder = Path.Combine(AppContext.BaseDirectory, "companies", "sample_company", "schema");

    [Test]
    public async Task SchemaFiles_EveryTable_DescribesEveryColumnWithATypeAndADescription()
    {
        await using var connection = await SampleDataSetUp.Populated.OpenAsync();
        var rows = await SampleTables.RowsAsync(connection, """
            SELECT table_name::text, column_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
            """);
        var columns = rows.GroupBy(r => (string)r[0]!, r => (string)r[1]!).ToDictionary(g => g.Key, g => g.ToList());

        Assert.That(Directory.GetFiles(s_schemaFolder, "*.yaml").Select(Path.GetFileNameWithoutExtension), Is.EquivalentTo(columns.Keys));
        foreach (var (table, tableColumns) in columns)
        {
            var entity = ReadEntity(table);
            Assert.That(entity.Keys, Is.EquivalentTo(tableColumns.Prepend("description")), table);
            Assert.That(((YamlScalarNode)entity["description"]).Value, Has.Length.GreaterThan(20), $"{table}: the table's description");
            foreach (var column in tableColumns)
            {
                var field = (YamlMappingNode)entity[column];
                Assert.That(Text(field, "type"), Is.Not.Empty, $"{table}.{column}: type");
                Assert.That(Text(field, "description"), Has.Length.GreaterThan(5), $"{table}.{column}: description");
            }
        }
    }

    /// <summary>The mapping under the file's one root key, which must be the table's name.</summary>
    private static Dictionary<string, YamlNode> ReadEntity(string table)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(s_schemaFolder, table + ".yaml")))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.That(root.Children.Keys.Select(k => ((YamlScalarNode)k).Value), Is.EqualTo(new[] { table }), $"{table}.yaml: one root key, the table's name");
        return ((YamlMappingNode)root.Children.Values.Single()).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => c.Value);
    }

    private static string Text(YamlMappingNode field, string key)
        => field.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value ?? string.Empty : string.Empty;
}
