namespace SampleCompany.SampleData;

/// <summary>A product as the order generator sees it: its list price in 2023 and how often customers buy it.</summary>
/// <param name="Popularity">1 (rarely ordered) to 5 (a best seller).</param>
/// <param name="AvailableFrom">The first day it can be ordered, for products launched during the period.</param>
/// <param name="DiscontinuedOn">The last day it can be ordered, for discontinued products.</param>
internal sealed record Product(
    int Id,
    string Name,
    int SupplierId,
    int CategoryId,
    string QuantityPerUnit,
    decimal ListPrice2023,
    int Popularity,
    DateOnly? AvailableFrom = null,
    DateOnly? DiscontinuedOn = null)
{
    /// <summary>List prices rise 4% a year; an order line keeps the price of its order's year.</summary>
    public decimal PriceIn(int year) => decimal.Round(ListPrice2023 * (1m + (0.04m * (year - 2023))), 2, MidpointRounding.AwayFromZero);

    public bool IsOrderableOn(DateOnly date) => (AvailableFrom is null || date >= AvailableFrom) && (DiscontinuedOn is null || date <= DiscontinuedOn);
}
