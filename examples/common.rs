//! Small helpers shared by the examples (not part of ipv6kit's API).

pub mod net;

/// Prints a section heading of the tour.
pub fn heading(title: &str) {
    println!("\n== {title} ==");
}
