namespace SampleCompany.SampleData;

/// <summary>One generated row of <c>order_details</c>, before it knows its order id.</summary>
internal sealed record OrderLine(int ProductId, decimal UnitPrice, int Quantity, decimal Discount)
{
    /// <summary>The line's revenue, as the business context defines it: unit_price * quantity * (1 - discount).</summary>
    public decimal Revenue => UnitPrice * Quantity * (1m - Discount);
}
