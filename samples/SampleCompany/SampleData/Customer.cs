namespace SampleCompany.SampleData;

/// <summary>A generated customer, with what the order generator needs to know about it.</summary>
/// <param name="Segment">retail, restaurant or wholesale.</param>
/// <param name="Weight">How often it orders, relative to the other customers.</param>
/// <param name="ActiveFrom">Its first possible order date (later than 2023 for customers won during the period).</param>
/// <param name="ActiveUntil">Its last possible order date (earlier than 2025 for customers lost during the period).</param>
internal sealed record Customer(
    int Id,
    string CompanyName,
    string ContactName,
    string ContactTitle,
    string Segment,
    Place Place,
    string Address,
    string PostalCode,
    string Phone,
    int Weight,
    DateOnly ActiveFrom,
    DateOnly ActiveUntil)
{
    public bool IsActiveOn(DateOnly date) => date >= ActiveFrom && date <= ActiveUntil;
}
