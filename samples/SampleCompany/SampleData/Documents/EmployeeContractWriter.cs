using System.Globalization;

namespace SampleCompany.SampleData.Documents;

/// <summary>The text of an employment contract: the employee from the sample database, the terms from <see cref="ContractTermsList"/>.</summary>
internal static class EmployeeContractWriter
{
    private const string Signatory = "Rebecca Stone, Chief People Officer";

    public static DocumentOutline Write(StaffMember employee, StaffMember? manager, ContractTerms terms)
    {
        var number = $"SC-HR-{employee.HireDate.Year}-{employee.Id:000}";
        var signed = employee.HireDate.AddDays(-21);
        var start = Date(employee.HireDate);
        var pronoun = employee.FirstName is "Margaret" or "Lucía" or "Julia" or "Sofie" or "Camila" ? "her" : "his";
        var territories = employee.Territories.Count == 0 ? "all sales territories of the group" : $"the {string.Join(" and ", employee.Territories)} sales {(employee.Territories.Count == 1 ? "territory" : "territories")}";
        var reportsTo = manager is null ? "the Chief Executive Officer" : $"the {manager.Title}";
        var hours = terms.WeeklyHours.ToString("0.#", CultureInfo.InvariantCulture);
        return new DocumentOutline(
            "Employment Contract",
            [
                $"Contract number {number}, signed on {Date(signed)}.",
                $"This employment contract is made between {terms.Employer}, {terms.EmployerAddress} (the \"Company\"), and {employee.FullName}, employee number {employee.Id}, of {employee.City}, {employee.Country}, e-mail {employee.Email} (the \"Employee\").",
            ],
            [
                new("Position and duties", [
                    $"The Company employs the Employee as {employee.Title}. The Employee reports to {reportsTo} and is responsible for {territories}.",
                    $"The Employee shall develop and look after the customers of {pronoun} area, prepare quotations and orders in the Company's systems, keep the customer records accurate, and meet the sales objectives set each year. The Company may reasonably change the Employee's duties and territories to meet business needs, after consulting the Employee.",
                ]),
                new("Start date and term", [
                    $"Employment starts on {start} and is for an indefinite term. Previous service with the group, if any, counts as continuous employment.",
                    $"The probation period is {terms.Probation}. During probation either party may end the contract with one week's written notice.",
                ]),
                new("Place of work", [
                    $"The Employee's normal place of work is {terms.Office}. The Employee may work from home up to {terms.RemoteDaysPerWeek} {(terms.RemoteDaysPerWeek == 1 ? "day" : "days")} a week, agreed in advance with the manager, and will travel to customers and trade fairs as the role requires.",
                ]),
                new("Remuneration", [
                    $"The Company pays the Employee a base salary of {terms.Salary}.",
                    $"In addition, the Employee is eligible for {terms.VariablePay}. Variable pay is paid only for periods in which the Employee is employed and not under notice, unless the law requires otherwise.",
                    "The base salary is reviewed every year in April; a review does not oblige the Company to increase it.",
                ]),
                new("Working hours", [
                    $"The normal working week is {hours} hours, {terms.Schedule}.",
                    "Overtime is worked only when the manager asks for it and is compensated as the applicable law and collective agreement provide. Time spent travelling to customers outside normal hours is recorded and balanced with time off.",
                ]),
                new("Vacation", [
                    $"The Employee is entitled to {terms.VacationDays} {terms.VacationBasis}.",
                    "Vacation is agreed with the manager at least four weeks in advance. Up to five unused days may be carried into the first quarter of the next year; other unused days lapse unless the law provides otherwise.",
                ]),
                new("Benefits, equipment and expenses", [
                    $"The Employee receives {terms.Benefits}.",
                    $"The Company provides {terms.Equipment}. Equipment remains the property of the Company and is returned when employment ends.",
                    "Reasonable business expenses are reimbursed against receipts under the Company's travel and expenses policy.",
                ]),
                new("Sickness", [
                    "The Employee informs the manager before 10:00 on the first day of absence and provides a medical certificate from the fourth day. Sick pay follows the applicable law and the Company's sickness policy.",
                ]),
                new("Confidentiality", [
                    $"The Employee shall keep confidential all information about the Company, its customers, suppliers, prices, margins, sales figures and plans, during employment and for {terms.ConfidentialityYears} years after it ends. Trade secrets remain confidential without time limit.",
                    "On leaving, the Employee returns or deletes all documents and files that contain such information and confirms this in writing.",
                ]),
                new("Intellectual property", [
                    "Work results created in the course of employment, including customer lists, presentations, price calculations and software, belong to the Company to the extent the law allows.",
                ]),
                new("Non-competition and non-solicitation", [
                    $"For {terms.NonCompeteMonths} months after the end of employment the Employee shall not work for or set up a business that sells fine-food or beverage products in competition with the Company in {terms.NonCompeteArea}. During this period {terms.NonCompeteCompensation}.",
                    "For twelve months after the end of employment the Employee shall not solicit customers or suppliers with whom the Employee dealt in the last two years, nor entice employees of the Company to leave.",
                ]),
                new("Termination and notice", [
                    $"After probation, the notice period is {terms.Notice}.",
                    "The Company may place the Employee on garden leave during all or part of the notice period, or pay salary in lieu of notice where the law permits. The Company may end the contract without notice for gross misconduct.",
                ]),
                new("Data protection", [
                    $"The Company processes the Employee's personal data to perform this contract and to meet its legal obligations, as described in the employee privacy notice and in line with {terms.DataProtectionLaw}.",
                ]),
                new("Governing law and jurisdiction", [
                    $"This contract is governed by {terms.GoverningLaw}. Disputes arising from it are subject to {terms.Courts}.",
                ]),
                new("Entire agreement", [
                    "This contract, together with the Company policies it refers to, is the entire agreement between the parties about the employment and replaces any earlier offer or arrangement. Changes must be made in writing and signed by both parties.",
                ]),
            ],
            [
                $"Signed for {terms.Employer}: {Signatory}, on {Date(signed)}.",
                $"Signed by the Employee: {employee.FullName}, on {Date(signed)}.",
            ],
            $"Sample Company - Employment contract {number} - {employee.FullName} - Confidential",
            terms.Employer);
    }

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
