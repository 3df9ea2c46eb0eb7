/// One price of one side of a book: a FIFO queue of resting orders, oldest first.
struct PriceLevel {
  var price: Int64
  /// Σ remaining of its orders, in lots.
  var quantity: Int64
  var firstOrder: Int32
  var lastOrder: Int32
  var orderCount: Int32
}
