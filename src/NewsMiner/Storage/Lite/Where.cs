using LiteDB;

namespace NewsMiner.Storage.Lite;

/// <summary>
/// Predicates with the value as a parameter. LiteDB's Query.EQ(field, value) writes the value into the expression text,
/// so every new value is a new expression that LiteDB parses and compiles to a delegate (a crawl spent most of its store
/// time there); with "@0" the text is one per field and its compiled form is reused.
/// </summary>
internal static class Where
{
    public static BsonExpression Eq(string field, BsonValue value) => BsonExpression.Create($"$.{field} = @0", value);

    public static BsonExpression Gt(string field, BsonValue value) => BsonExpression.Create($"$.{field} > @0", value);

    public static BsonExpression Between(string field, BsonValue from, BsonValue to) => BsonExpression.Create($"$.{field} BETWEEN @0 AND @1", from, to);

    /// <summary>Strings starting with <paramref name="prefix"/>, as an index range (LIKE would read _ and % in it as wildcards).</summary>
    public static BsonExpression StartsWith(string field, string prefix) => Between(field, prefix, prefix + '\uffff');

    public static BsonExpression In(string field, params BsonValue[] values) => BsonExpression.Create($"$.{field} IN @0", new BsonArray(values));
}
