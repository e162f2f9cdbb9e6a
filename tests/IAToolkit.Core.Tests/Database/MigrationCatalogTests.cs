using IAToolkit.Database.Migrations;

namespace IAToolkit.Core.Tests.Database;

public sealed class MigrationCatalogTests
{
    [Test]
    public void Catalog_EmbeddedMigrations_AreNumberedInOrder()
    {
        var versions = MigrationCatalog.All.Select(m => m.Version).ToList();

        Assert.That(versions, Is.Not.Empty);
        Assert.That(versions, Is.Ordered.And.Unique);
        Assert.That(MigrationCatalog.All[0].Name, Is.EqualTo("0001_core"));
    }
}
