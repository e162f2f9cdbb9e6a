namespace SampleCompany.SampleData;

/// <summary>The eight product categories of Sample Company.</summary>
internal static class CategoryRows
{
    public static SampleTable Build()
    {
        var table = new SampleTable("categories", "category_id", "category_name", "category_description");
        table.Add(1, "Beverages", "Teas, coffees, juices, soft drinks and craft beers");
        table.Add(2, "Condiments", "Sauces, spices, vinegars, pastes and chutneys");
        table.Add(3, "Confections", "Chocolates, biscuits, toffees and other sweets");
        table.Add(4, "Dairy Products", "Cheeses, butter and yogurts");
        table.Add(5, "Grains & Cereals", "Flours, rice, pasta, oats and crispbreads");
        table.Add(6, "Meat & Poultry", "Cured hams, sausages, pâtés and smoked meats");
        table.Add(7, "Produce", "Dried fruit, preserved vegetables and mushrooms");
        table.Add(8, "Seafood", "Smoked, canned and cured fish and shellfish");
        return table;
    }
}
