fn main() {
    std::process::exit(socklab::run());
}
