namespace PipelineFunctions.Core.Exchange;

/// <summary>
/// An attribute that cases and sources carry (NVivo's classification attributes, ATLAS.ti's document and case
/// variables, MAXQDA's document variables): its name and REFI-QDA type. Values travel as text in the model and are
/// written in their type's element (<c>TextValue</c>, <c>IntegerValue</c>, …).
/// </summary>
public sealed record QdaVariable(string Name, QdaVariableType Type = QdaVariableType.Text, string? Description = null);

/// <summary>REFI-QDA's <c>typeOfVariable</c>.</summary>
public enum QdaVariableType
{
    Text,
    Boolean,
    Integer,
    Float,
    Date,
    DateTime,
}
