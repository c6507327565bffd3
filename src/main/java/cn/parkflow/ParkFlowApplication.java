package cn.parkflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ParkFlowApplication {
  public static void main(String[] args) {
    SpringApplication.run(ParkFlowApplication.class, args);
  }
}
