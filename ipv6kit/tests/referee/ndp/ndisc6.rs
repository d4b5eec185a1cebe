//! ndisc6 1.0.5's rdisc6 and ndisc6 as referees: they read ipv6kit-built RAs and NAs off the
//! wire and print them; rdisc6's text is also what our `Display` imitates.
