namespace SampleCompany.SampleData;

/// <summary>The products table: the hand-written list plus today's price and generated stock levels.</summary>
internal static class ProductRows
{
    private static readonly int[] s_reorderLevels = [5, 10, 15, 20, 25, 30];

    public static SampleTable Build(IReadOnlyList<Product> products, Pcg32 random)
    {
        var table = new SampleTable(
            "products", "product_id", "product_name", "supplier_id", "category_id", "quantity_per_unit", "unit_price",
            "units_in_stock", "units_on_order", "reorder_level", "discontinued");
        foreach (var product in products)
        {
            var discontinued = product.DiscontinuedOn is not null;
            var inStock = discontinued ? random.Next(15) : random.Chance(10) ? 0 : random.Between(4, 120);
            var reorderLevel = discontinued ? 0 : random.Pick(s_reorderLevels);
            var onOrder = !discontinued && inStock <= reorderLevel ? random.Between(2, 6) * 10 : 0;
            table.Add(
                product.Id, product.Name, product.SupplierId, product.CategoryId, product.QuantityPerUnit,
                product.PriceIn(2025), inStock, onOrder, reorderLevel, discontinued);
        }

        return table;
    }
}
